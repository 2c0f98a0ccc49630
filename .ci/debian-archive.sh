# Sourced by the CI scripts: where this machine's Debian archive is.

# The URI of this machine's Debian archive (the one serving its release), from its own apt
# sources, so that no host name is written here.
debian_archive_uri() {
  local codename
  codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -f "$f" ]] || continue
      awk -v codename="$codename" 'BEGIN { RS = ""; FS = "\n" }
        {
          deb = 0; uri = ""; suite = 0
          for (i = 1; i <= NF; i++) {
            split($i, kv, /:[ \t]*/)
            n = split(substr($i, length(kv[1]) + 2), words, /[ \t]+/)
            for (j = 1; j <= n; j++) {
              if (kv[1] == "Types" && words[j] == "deb") deb = 1
              if (kv[1] == "URIs" && uri == "" && words[j] != "") uri = words[j]
              if (kv[1] == "Suites" && words[j] == codename) suite = 1
            }
          }
          if (deb && suite && uri != "") print uri
        }' "$f"
    done
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
      awk -v codename="$codename" '$1 == "deb" {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == codename) print $i
      }'
  } | awk 'NR == 1'
}

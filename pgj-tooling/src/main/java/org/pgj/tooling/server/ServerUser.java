package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PosixUser;

/**
 * The account a private server runs as. Normally the current user. As root (CI, containers)
 * PostgreSQL refuses to start, so servers run as the system user {@value #NAME} via runuser;
 * that user owns the data folders and must be able to enter every parent folder.
 */
public final class ServerUser {
    static final String NAME = "pgj";

    private final boolean root;

    private ServerUser(boolean root) {
        this.root = root;
    }

    public static ServerUser current() {
        return new ServerUser(PosixUser.isRoot());
    }

    boolean switches() {
        return root;
    }

    /** Creates the system user if it is missing (root only). */
    void ensureExists() {
        if (!root || Exec.run(List.of("id", "-u", NAME), 10).ok()) {
            return;
        }
        Exec.Result r = Exec.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME), 30);
        // Exit 9: another process created it in between, which is fine.
        if (!r.ok() && r.exitCode() != 9) {
            throw new ToolException("cannot create the system user " + NAME + " to run PostgreSQL (useradd exit "
                    + r.exitCode() + ": " + r.tail(3) + "): create it with `useradd --system --no-create-home "
                    + "--shell /usr/sbin/nologin " + NAME + "`, or run pgj as a non-root user");
        }
    }

    /** The command, run as the server user. */
    List<String> wrap(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands {@code path} to the server user (root only). */
    public void own(Path path) throws IOException {
        if (!root) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(NAME));
        try {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(NAME);
            view.setGroup(group);
        } catch (IOException noSuchGroup) {
            // useradd --system creates the group on Debian; without it the owner alone suffices.
        }
    }

    /**
     * Whether the server user can enter {@code dir}: every existing folder on the way must be
     * world-searchable, or belong to the server user. /root (mode 700) is the usual trap.
     */
    boolean canReach(Path dir) {
        if (!root) {
            return true;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                boolean ownedByServer = NAME.equals(Files.getOwner(p).getName());
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE) && !ownedByServer) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}

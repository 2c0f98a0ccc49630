package org.pgj.examples.types;

import org.pgj.functions.ExtensionSql;
import org.pgj.types.MappedBy;
import org.pgj.types.TypeConverter;

/** A version number, as a SQL type of the extension's own: a domain over text. */
@ExtensionSql(name = "semver", position = ExtensionSql.Position.FIRST,
        sql = "CREATE DOMAIN semver AS text CHECK (VALUE ~ '^[0-9]+\\.[0-9]+\\.[0-9]+$');")
@MappedBy(value = Semver.AsText.class, sqlType = "semver")
public record Semver(int major, int minor, int patch) {
    /** Semver travels as its text form. */
    public static final class AsText implements TypeConverter<Semver, String> {
        @Override
        public String toCarrier(Semver v) {
            return v.major() + "." + v.minor() + "." + v.patch();
        }

        @Override
        public Semver fromCarrier(String text) {
            String[] parts = text.split("\\.");
            return new Semver(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
    }
}

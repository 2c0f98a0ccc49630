package org.pgj.types;

/**
 * Maps a Java type of your own to a SQL type through a carrier: a Java type pgj already maps
 * (String, BigDecimal, byte[], Integer, a record type of this package, ...). pgj converts the
 * carrier to and from the Datum; the converter only converts between your type and the carrier.
 * Name the converter on your type with {@link MappedBy}. It needs a public no-argument
 * constructor, and pgj makes one instance per backend.
 *
 * @param <T> your type
 * @param <C> the carrier
 */
public interface TypeConverter<T, C> {
    /** Your value (never null: NULL is handled by pgj) as the carrier. */
    C toCarrier(T value);

    /** The carrier (never null) as your value. */
    T fromCarrier(C carrier);
}

/**
 * Java value types for PostgreSQL types that have no exact counterpart in the JDK
 * ({@link Numeric}, {@link Interval}, {@link Inet}, {@link Range}, ...), and the interface for
 * mapping a Java type of your own ({@link TypeConverter}, {@link MappedBy}).
 */
package org.pgj.types;

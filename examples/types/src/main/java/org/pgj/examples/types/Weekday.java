package org.pgj.examples.types;

import org.pgj.functions.EnumType;

/**
 * An enum for a type the install script does not create: {@link Enums} creates it, with a label
 * (HOLIDAY) that Java lacks.
 */
@EnumType(name = "weekday", existing = true)
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN
}

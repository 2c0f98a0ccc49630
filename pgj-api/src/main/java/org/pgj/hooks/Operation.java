package org.pgj.hooks;

/** What a query does (the server's CmdType). */
public enum Operation {
    SELECT, INSERT, UPDATE, DELETE, UTILITY, OTHER
}

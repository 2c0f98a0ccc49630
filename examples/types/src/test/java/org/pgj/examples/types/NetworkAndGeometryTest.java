package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** inet, cidr, point and box. */
@PgjTest
class NetworkAndGeometryTest {
    @Test
    void inetAndCidr(Connection c) throws SQLException {
        roundTrips(c, "echo_inet", "inet", "=", "'192.168.0.1'", "'10.1.2.3/8'", "'::1'", "'2001:db8::ff00:42:8329/64'",
                "'0.0.0.0/0'", "'::ffff:1.2.3.4'");
        roundTrips(c, "echo_cidr", "cidr", "=", "'10.0.0.0/8'", "'192.168.1.0/24'", "'2001:db8::/32'", "'1.2.3.4/32'");
        assertEquals(true, one(c, "SELECT bool_and(prefix(i) = masklen(i) AND host_address(i)::inet = host(i)::inet)"
                + " FROM (VALUES ('192.168.0.1/24'::inet), ('::1'), ('2001:db8::1/48')) v(i)"));
        assertEquals(true, one(c, "SELECT network('10.0.0.0', 8) = '10.0.0.0/8'::cidr"));
        fails(c, "SELECT '10.0.0.1/8'::cidr", "22P02");
        fails(c, "SELECT network('10.0.0.1', 8)", "22P02");
    }

    @Test
    void pointsAndBoxes(Connection c) throws SQLException {
        roundTrips(c, "echo_point", "point", "~=", "'(1,2)'", "'(-1.5,1e300)'", "'(NaN,Infinity)'", "'(0,-0)'");
        roundTrips(c, "echo_box", "box", "~=", "'((1,2),(3,4))'", "'((0,0),(0,0))'", "'((-1e10,5),(1e10,-5))'");
        assertEquals(true, one(c, "SELECT bool_and(box_area(b) = area(b)) FROM (VALUES ('((1,2),(3,5))'::box),"
                + " ('((0,0),(0,0))'), ('((-1.5,2),(3,-4.25))')) v(b)"));
        assertEquals("(3,4),(1,2)", text(c, "SELECT box_of('(1,4)', '(3,2)')::text"), "corners ordered, as box() orders them");
        assertEquals(true, one(c, "SELECT box_of('(1,4)', '(3,2)') ~= box('(1,4)'::point, '(3,2)'::point)"));
    }
}

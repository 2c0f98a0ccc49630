-- What the original's suite leaves out: bad input, out of range, NULL, edge values, casts, arrays.
SELECT 'one hundred and twenty-one'::numeral, 'one million and one'::numeral, 'eleven hundred and eleven'::numeral;
SELECT 'nine quintillion two hundred twenty-three quadrillion three hundred seventy-two trillion thirty-six billion eight hundred fifty-four million seven hundred seventy-five thousand eight hundred seven'::numeral::bigint;
SELECT (-9223372036854775807 - 1)::numeral, (-9223372036854775807 - 1)::zahl, (-9223372036854775807 - 1)::roman;
SELECT 9223372036854775807::numeral, 9223372036854775807::roman;
-- bad input: 22P02 with the grammar's reason, as the original's bison message says it
SELECT 'eleventy'::numeral;
SELECT 'one one'::numeral;
SELECT 'hundred hundred'::numeral;
SELECT ''::numeral;
SELECT 'minus'::zahl;
SELECT 'zwei und'::zahl;
SELECT 'VX'::roman;
SELECT 'four two'::roman;
-- out of range: 22003, where the original wrapped around
SELECT '99999999999999999999'::numeral;
SELECT 'ten quintillion'::numeral;
SELECT 'zehn Trillionen'::zahl;
SELECT 'minus -9223372036854775808'::roman;
-- NULL in, NULL out; the session carries on after errors
SELECT NULL::numeral, NULL::zahl + 'eins', - NULL::roman;
SELECT 1;
-- casts: to bigint implicitly, from bigint explicitly, between the types through bigint
SELECT 'zwölf'::zahl + 1, pg_typeof('zwölf'::zahl + 1);
SELECT 42::bigint::numeral, 42::bigint::zahl::bigint::roman;
SELECT castcontext, castmethod FROM pg_cast WHERE castsource = 'numeral'::regtype AND casttarget = 'bigint'::regtype;
SELECT castcontext, castmethod FROM pg_cast WHERE castsource = 'bigint'::regtype AND casttarget = 'roman'::regtype;
-- the operators are bigint's: its errors too
SELECT 'zwei'::zahl / 'null';
SELECT 'nine quintillion'::numeral * 'two';
SELECT @ (-9223372036854775807 - 1)::roman;
SELECT 'X'::roman # 'III', ~ 'nulla'::roman, 'XII'::roman % 'V';
-- in tables and arrays, with NULLs
CREATE TABLE t (n numeral, z zahl, r roman);
INSERT INTO t VALUES ('one', 'eins', 'I'), (NULL, NULL, NULL), ('minus forty-two', 'minus zweiundvierzig', 'minus XLII');
SELECT n, z, r, n::bigint + z + r AS sum FROM t;
SELECT array_agg(r) FROM t;
SELECT '{IV,NULL,MMXXVI}'::roman[];
SELECT typlen, typbyval, typalign, typcategory FROM pg_type WHERE typname IN ('numeral', 'zahl', 'roman') ORDER BY typname;

/*
 * Text between Java and a database whose encoding is neither UTF8 nor SQL_ASCII (Java handles
 * those two itself: org.pgj.internal.encoding).
 *
 * Java's strings are converted as UTF-8 by the server's own default conversions between UTF8 and
 * the database encoding, so Java sees exactly what a UTF-8 client would. They are found once per
 * backend (the lookup reads the catalogs, so it needs a transaction) and called with noError:
 * a character with no equivalent, or an invalid byte sequence, stops the conversion instead of
 * raising, and Java reports it as 22021 naming the encoding and the bytes, as a Java exception
 * its caller may catch without a subtransaction.
 */
#include "pgj.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "mb/pg_wchar.h"

/* The conversions to and from the database encoding, in TopMemoryContext once found. */
typedef struct Conversion
{
	int			database_encoding;	/* what they were found for; a worker connects late */
	FmgrInfo	to_server;
	FmgrInfo	from_server;
} Conversion;

static Conversion *conversion = NULL;

static void
find_conversion_proc(int from, int to, FmgrInfo *proc)
{
	Oid			oid = FindDefaultConversionProc(from, to);

	if (!OidIsValid(oid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("default conversion function for encoding \"%s\" to \"%s\" does not exist",
						pg_encoding_to_char(from), pg_encoding_to_char(to))));
	fmgr_info_cxt(oid, proc, TopMemoryContext);
}

/* NULL when they are not known yet and cannot be looked up now (outside a transaction). */
static Conversion *
conversions(void)
{
	int			encoding = GetDatabaseEncoding();

	if (conversion != NULL && conversion->database_encoding == encoding)
		return conversion;
	if (!IsTransactionState())
		return NULL;
	if (conversion == NULL)
		conversion = MemoryContextAllocZero(TopMemoryContext, sizeof(Conversion));
	conversion->database_encoding = -1;
	find_conversion_proc(PG_UTF8, encoding, &conversion->to_server);
	find_conversion_proc(encoding, PG_UTF8, &conversion->from_server);
	conversion->database_encoding = encoding;
	return conversion;
}

/* Converts length bytes (NUL-terminated) with noError; returns how many converted. */
static int
convert(FmgrInfo *proc, int from, int to, const char *src, int64 length, char *dest)
{
	dest[0] = '\0';
	if (length == 0)
		return 0;
	return DatumGetInt32(FunctionCall6(proc, Int32GetDatum(from), Int32GetDatum(to),
									   CStringGetDatum(src), CStringGetDatum(dest),
									   Int32GetDatum((int) length), BoolGetDatum(true)));
}

static char *
conversion_buffer(int64 length)
{
	if ((Size) length >= MaxAllocHugeSize / MAX_CONVERSION_GROWTH)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("out of memory"),
				 errdetail("String of %ld bytes is too long for encoding conversion.", (long) length)));
	return MemoryContextAllocHuge(CurrentMemoryContext, (Size) length * MAX_CONVERSION_GROWTH + 1);
}

/*
 * The first character of server text that its conversion to UTF-8 and back does not give back
 * (some encodings have several codes for one character, e.g. EUC_JP's NEC row 13): its offset,
 * and its length in *length; -1 if there is none.
 */
static int64
first_one_way(Conversion *c, const char *src, int64 length, int *char_length)
{
	int			encoding = GetDatabaseEncoding();
	char		utf8[MAX_MULTIBYTE_CHAR_LEN * MAX_CONVERSION_GROWTH + 1];
	char		back[sizeof(utf8) * MAX_CONVERSION_GROWTH + 1];

	for (int64 i = 0; i < length; i += *char_length)
	{
		*char_length = pg_encoding_mblen(encoding, src + i);
		convert(&c->from_server, encoding, PG_UTF8, src + i, *char_length, utf8);
		convert(&c->to_server, PG_UTF8, encoding, utf8, strlen(utf8), back);
		if (strlen(back) != *char_length || memcmp(back, src + i, *char_length) != 0)
			return i;
	}
	return -1;
}

/*
 * Java: converts length bytes at source from UTF-8 to the database encoding (to_server) or back,
 * into a palloc'd, NUL-terminated result that Java frees. out[0] = the result, out[1] = its
 * length, out[2] = the source bytes converted (all of them, unless a character failed), out[3] =
 * the failing character's length in bytes when it has no equivalent (or, with out[4] = 1, when
 * its equivalent converts back to other bytes), or minus the length its first byte claims when
 * it is no valid character of the source encoding. Returns 0, or -1 when the conversions cannot
 * be looked up now (no transaction).
 */
int32
pgj_convert_text(const char *src, int64 length, bool to_server, int64 *result)
{
	Conversion *c = conversions();
	int			encoding = GetDatabaseEncoding();
	int			from = to_server ? PG_UTF8 : encoding;
	char	   *dest;
	int			converted;

	if (c == NULL)
		return -1;
	dest = conversion_buffer(length);
	converted = convert(to_server ? &c->to_server : &c->from_server, from, to_server ? encoding : PG_UTF8,
						src, length, dest);
	result[0] = (int64) dest;
	result[1] = strlen(dest);
	result[2] = converted;
	result[3] = 0;
	result[4] = 0;
	if (converted < length)
	{
		const char *bad = src + converted;
		int			left = (int) (length - converted);
		int			valid = pg_encoding_verifymbchar(from, bad, left);

		result[3] = valid > 0 ? valid : -Min(pg_encoding_mblen(from, bad), left);
	}
	else if (!to_server)
	{
		/* Java would write back other bytes than it read: refuse such text as untranslatable. */
		char	   *back = conversion_buffer(result[1]);
		int			char_length;

		convert(&c->to_server, PG_UTF8, encoding, dest, result[1], back);
		if (strlen(back) != length || memcmp(back, src, length) != 0)
		{
			int64		at = first_one_way(c, src, length, &char_length);

			if (at >= 0)
			{
				result[2] = at;
				result[3] = char_length;
				result[4] = 1;
			}
		}
		pfree(back);
	}
	return 0;
}

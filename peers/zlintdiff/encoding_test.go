package zlintdiff_test

import (
	"slices"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
	"github.com/zmap/zlint/v3/lint"
)

// encodingCases are the TV-5 shapes (RFC 5280 4.1.2.5): each validity is
// written verbatim into a certificate otherwise issued for 2026.
var encodingCases = []struct {
	name   string
	nb, na rawTime
}{
	{"TV-5 UTCTime with seconds and Z", utcTime("260315000000Z"), utcTime("260929235959Z")},
	{"TV-5 UTCTime 491231235959Z is 2049", utcTime("260315000000Z"), utcTime("491231235959Z")},
	{"TV-5 GeneralizedTime 20491231235959Z before 2050", utcTime("260315000000Z"), generalizedTime("20491231235959Z")},
	{"TV-5 GeneralizedTime 20500101000000Z from 2050", utcTime("260315000000Z"), generalizedTime("20500101000000Z")},
	{"TV-5 UTCTime 500101000000Z is 1950, not 2050", utcTime("260315000000Z"), utcTime("500101000000Z")},
	{"TV-5 GeneralizedTime 99991231235959Z no well-defined expiration", utcTime("260315000000Z"), generalizedTime("99991231235959Z")},
	{"TV-5 GeneralizedTime notBefore in 2026", generalizedTime("20260315000000Z"), utcTime("260929235959Z")},
	{"TV-5 UTCTime without seconds in notBefore", utcTime("2603150000Z"), utcTime("260929235959Z")},
	{"TV-5 UTCTime without seconds in notAfter", utcTime("260315000000Z"), utcTime("2609292359Z")},
	{"TV-5 UTCTime with +0900 instead of Z", utcTime("260315090000+0900"), utcTime("260929235959Z")},
	{"TV-5 UTCTime with -0000", utcTime("260315000000-0000"), utcTime("260929235959Z")},
	{"TV-5 UTCTime without seconds and with +0900", utcTime("2603150900+0900"), utcTime("260929235959Z")},
	{"TV-5 GeneralizedTime without seconds from 2050", utcTime("260315000000Z"), generalizedTime("205001010000Z")},
	{"TV-5 GeneralizedTime with a fraction from 2050", utcTime("260315000000Z"), generalizedTime("20500101000000.5Z")},
	{"TV-5 GeneralizedTime with a fraction before 2050", utcTime("260315000000Z"), generalizedTime("20260929235959.999Z")},
	{"TV-5 GeneralizedTime with +0900 from 2050", utcTime("260315000000Z"), generalizedTime("20500101090000+0900")},
	{"TV-5 GeneralizedTime with -0500 from 2050", utcTime("260315000000Z"), generalizedTime("20491231190000-0500")},
	{"TV-5 GeneralizedTime without a zone from 2050", utcTime("260315000000Z"), generalizedTime("20500101000000")},
	{"TV-5 GeneralizedTime 99991231235959 without Z", utcTime("260315000000Z"), generalizedTime("99991231235959")},
}

// encodingDifferences are the deliberate differences in TV-5.
func encodingDifferences() (unparsed, plusOffset *difference) {
	return &difference{
			id: "zcrypto cannot parse the certificate",
			reason: "zcrypto's ASN.1 reader refuses a GeneralizedTime without seconds, with a fraction or without " +
				"a zone, and a UTCTime ending in -0000, so zlint cannot lint the certificate at all; validity reads " +
				"the DER itself and names every departure",
		}, &difference{
			id: "a GeneralizedTime with a positive offset",
			reason: "zlint's e_generalized_time_includes_fraction_seconds looks for '-' five bytes from the end " +
				"but for '+' at the very end, so \"20500101090000+0900\" is taken for a time with a fraction; " +
				"validity reports only that it is not in UTC with Z, which zlint's e_generalized_time_not_in_zulu also says",
		}
}

func TestEncodingAgainstZlint(t *testing.T) {
	unparsed, plusOffset := encodingDifferences()
	base := issue(t, plain, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 29, 23, 59, 59, 0, time.UTC))
	agreed := 0
	for _, c := range encodingCases {
		t.Run(c.name, func(t *testing.T) {
			der := withValidity(t, base, c.nb, c.na)
			fs, err := validity.EncodingFindings(tbsOf(t, der))
			if err != nil {
				t.Fatal(err)
			}
			ours := oursEncoding(fs)
			res := zlintResults(t, der)
			if res == nil {
				if len(ours) == 0 {
					t.Error("zcrypto refuses a certificate validity finds nothing wrong with")
				}
				unparsed.seen++
				return
			}
			var theirs []string
			for name := range encodingLints {
				if res[name] == lint.Error || res[name] == lint.Warn {
					theirs = append(theirs, name)
				}
			}
			slices.Sort(theirs)
			switch {
			case slices.Equal(ours, theirs):
				agreed++
			case c.na.tag == generalizedTime("").tag && len(c.na.raw) == 19 && c.na.raw[14] == '+' &&
				slices.Equal(theirs, []string{"e_generalized_time_includes_fraction_seconds", "e_generalized_time_not_in_zulu"}) &&
				slices.Equal(ours, []string{"e_generalized_time_not_in_zulu"}):
				plusOffset.seen++
			default:
				t.Errorf("validity finds %v (%v), zlint %v", ours, fs, theirs)
			}
		})
	}
	report(t, "TV-5", agreed, []*difference{unparsed, plusOffset})
}

// oursEncoding returns the zlint lints that validity's findings name,
// sorted, and "(no zlint lint) <code>" for a finding no lint covers.
func oursEncoding(fs []validity.Finding) []string {
	var names []string
	for _, f := range fs {
		if f.Severity < validity.SeverityWarning {
			continue
		}
		found := false
		for name, k := range encodingLints {
			if k.typ == f.Type && k.code == f.Code {
				if !slices.Contains(names, name) {
					names = append(names, name)
				}
				found = true
			}
		}
		if !found {
			names = append(names, "(no zlint lint) "+f.Code.String())
		}
	}
	slices.Sort(names)
	return names
}

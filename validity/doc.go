// Package validity judges the validity period of an X.509 certificate: its
// inclusive ends, its status at an instant, its length as the CA/Browser
// Forum measures it, the maximum lifetime of a publicly trusted TLS server
// certificate by issue date, and the RFC 5280 encoding of its times.
//
// # Rules
//
// The rule ids are those of the certlife domain page.
//
//   - TV-1: times are instants; [Period.Format] prints them in the zone the
//     caller names, and nothing reads the host's local zone or zone database.
//   - TV-2: the server FAQ's worked example (Q9) is [Period]'s example:
//     12/10/2011 00:00:00 GMT to 12/10/2012 23:59:59 GMT is valid in JST from
//     2011-12-10 09:00:00 to 2012-12-11 08:59:59.
//   - TV-3: a [Period] includes both ends (RFC 5280 4.1.2.5): it contains t
//     iff NotBefore <= t <= NotAfter ([Period.Contains]); its length is
//     NotAfter - NotBefore + 1 second ([Period.Length], [Period.Days]).
//   - TV-4: timestamps in the CA's text are read with [tz.Parse], as the
//     package example does; this package takes time.Time values only.
//   - TV-5: [CheckEncoding] and [EncodingFindings] read the DER of the
//     validity and report time encodings RFC 5280 4.1.2.5 forbids.
//   - TV-6: [TLSServerLimit] and [TLSServerLimits] give the maximum lifetime
//     of a subscriber TLS server certificate by its notBefore (Baseline
//     Requirements 6.3.2, ballot SC-081 and earlier ballots); [CheckTLSServer]
//     and [CheckTLSServerPeriod] apply them. They apply to subscriber
//     certificates for server authentication only: CheckTLSServer passes CA
//     certificates, certificates not for server authentication and those
//     issued before 2016-07-02 without measuring them, and
//     [TLSServerApplies] says which of these a certificate is. [DCVReuse]
//     gives the domain validation reuse period.
//
// # Instants and zones
//
// No function reads the clock: every judgement takes the instant it judges.
// A zero instant is a caller bug. [Period.Status] reports it as [Unknown]
// and [Period.Check] as a *[PeriodError]; neither ever means "now". Where a
// function takes a *time.Location, nil means JST ([tz.JST]).
//
// # Errors
//
// Errors are typed, with a [Reason]: *[PeriodError] from [Period.Check],
// *[LifetimeError] from [CheckTLSServer], [CheckTLSServerPeriod] and
// [TLSServerApplies],
// *[EncodingError] from [CheckEncoding] and [EncodingFindings]. They match
// with [errors.Is] the sentinels callers branch on: [ErrLifetimeExceeded]
// (a MUST NOT bound, [SeverityError]), [ErrLifetimeWarning] (only a SHOULD
// NOT bound, [SeverityWarning]), [ErrNotApplicable] (from [TLSServerApplies]:
// a CA certificate, one not for server authentication, or issued before any
// known limit), [ErrInvalidPeriod] and [ErrMalformed].
//
// # Counting days (TV-6)
//
// A day is 86,400 seconds and any excess, even a nanosecond, counts as
// another day: [Period.Days] is the length of [Period.Length] divided by
// 86,400 s, rounded up. A certificate from 00:00:00 to 23:59:59 of the same
// day is one day long; one that ends at 00:00:00 of the next day is two.
//
// # Where it departs from the sources
//
// The Baseline Requirements' 39-month step was worded "issued after 1 July
// 2016 but prior to 1 March 2018" and the 825-day step "issued after 1 March
// 2018", which leaves 1 March 2018 itself in neither. This package reads
// "after D" as "from the first instant of the day after D, UTC" (as zlint
// does), and lets the 39-month step run to that instant, so the table has no
// hole. The 39-month bound is counted in calendar months in UTC, clamped to
// the end of a shorter month, and with TV-3's extra second ([Limit],
// [Limit.LatestNotAfter]); zlint's lint instead allows a notAfter equal to
// notBefore plus 39 months and lets a month-end overflow into the next month
// as time.Time.AddDate does, so this package is stricter by one second, or by
// up to two days at the end of a month.
//
// # What it does not do
//
// It does not verify signatures, chains, revocation or names, and it does
// not decide whether a certificate is publicly trusted: [CheckTLSServer]
// only skips CA certificates and certificates whose extended key usage
// excludes server authentication. It encodes the TLS server limits only
// from 1 July 2016 on; [DCVReuse] knows only the 398-day period and the
// SC-081 steps after it. It does not check the lifetimes of S/MIME, code
// signing or EV-specific rules.
//
// # Example program
//
// The command [github.com/certlife/certlife/examples/certinfo] shows this
// package at work: it shows a certificate's [Period] in GMT and JST, its
// [Status] and length, the TV-6 verdict of [CheckTLSServer] and the findings
// of [EncodingFindings], for bundles of any size. Run it with no arguments
// on its embedded sample:
//
//	go run ./examples/certinfo
package validity

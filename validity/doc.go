// Package validity judges the validity period of an X.509 certificate: its
// inclusive ends, its status at an instant, its length as the CA/Browser
// Forum measures it, the maximum lifetime of a publicly trusted TLS server
// certificate by issue date, the clientAuth ban in such certificates, the
// reuse of validation data, and the RFC 5280 encoding of its times.
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
//     Requirements 6.3.2, ballots 193, SC31 and SC-081); [CheckTLSServer]
//     and [CheckTLSServerPeriod] apply them and return a [Verdict];
//     [TLSServerApplies] says whether a certificate is in their scope and
//     why. [DCVReuse] and [IdentityReuse] give how long domain and identity
//     validation may be reused (BR 4.2.1). [CheckClientAuth] says whether a
//     server certificate's successor may still carry clientAuth.
//   - RN-12: [ShortLived] and [ShortLivedMax] give the Baseline
//     Requirements' short-lived certificate (BR 1.6.1: at most 10 days, 7
//     from 2026-03-15).
//
// # Verdicts (TV-6)
//
// A check returns a [Verdict] whose [Outcome] is, as in zlint's LintResult,
// [OutcomeNotApplicable], [OutcomePass], [OutcomeWarning] or
// [OutcomeError], with the [Reason] and the figures measured (length,
// days, the step in force). The error is non-nil exactly when the Outcome
// is OutcomeError: a MUST NOT breached (a *[LifetimeError] matching
// [ErrLifetimeExceeded], a *[ClientAuthError] matching
// [ErrClientAuthNotAllowed]) or input that cannot be judged
// ([ErrInvalidPeriod], [ErrMalformed]). A certificate over a SHOULD NOT
// bound only, such as a 398-day certificate issued in 2025, complies: its
// Verdict says OutcomeWarning and the error is nil, so
// "if err != nil { reject }" never rejects it.
//
// # Scope (TV-6)
//
// "The limits apply to subscriber certificates for server authentication,
// not to CA certificates" (TV-6); BR 6.3.2 speaks of "Subscriber
// Certificates". [TLSServerApplies] reads that as: not a CA certificate,
// not self-signed (no CA issued it), and for TLS server authentication,
// which a certificate is when its extended key usage lists serverAuth or
// anyExtendedKeyUsage, when it has no extended key usage (clients accept
// it for any purpose), or when it asserts a CA/Browser Forum TLS policy
// (2.23.140.1.1 EV, or an OID under 2.23.140.1.2: DV, OV, IV) whatever its
// extended key usage, since asserting the policy claims issuance under the
// Baseline Requirements. zlint reads the same EKUs and policies
// (util.IsServerAuthCert) but skips self-signed leaves only in its 39-month
// and 825-day lints (see the table below).
//
// # Measuring (TV-6)
//
// BR 1.6.1 as amended by ballot SC31 (version 1.7.1): "Validity Period:
// Prior to 2020-09-01, the period of time measured from the date when the
// Certificate is issued until the Expiry Date. For Certificates issued on
// or after 2020-09-01, the validity period is as defined within RFC 5280,
// Section 4.1.2.5: the period of time from notBefore through notAfter,
// inclusive." So the 39-month and 825-day steps measure NotAfter -
// NotBefore, and a certificate of exactly 825×86,400 s issued in 2019
// complies (zlint's subCert825DaysOK.pem and 39months.pem pass); the steps
// from 2020-09-01 measure NotAfter - NotBefore + 1 s. [Limit].Inclusive
// says which, [Limit.LatestNotAfter] and [Verdict].Length and Days follow
// it, and [Period.Length] and [Period.Days] stay TV-3's everywhere.
//
// BR 6.3.2: "For the purpose of calculations, a day is measured as 86,400
// seconds. Any amount of time greater than this, including fractional
// seconds and/or leap seconds, shall represent an additional day." A
// certificate from 00:00:00 to 23:59:59 of the same day is one day long
// (TV-3); one that ends at 00:00:00 of the next day is two.
//
// # Validation data reuse (BR 4.2.1)
//
// [DCVReuse] is the period for "validation of Domain Names and IP Addresses
// according to Section 3.2.2.4 and Section 3.2.2.5": 825 days from
// 2018-03-01 (ballot 193), 398 from 2021-10-01 (ballot SC42), then 200,
// 100 and 10 days from 2026-03-15, 2027-03-15 and 2029-03-15 (SC-081).
// [IdentityReuse] is the period of the table "Subject Identity Information
// validation data reuse periods": 825 days, 398 from 2026-03-15 (SC-081).
// Both are in days before issuance and return 0 before 2018-03-01, when
// the bound was 39 months.
//
// # clientAuth (Chrome Root Program)
//
// The Chrome Root Program Policy, version 1.8 (2026-02-05), section 1.3.2,
// dedicates the hierarchies in the Chrome Root Store to TLS server
// authentication: subscriber certificates issued from 2027-03-15 may
// assert id-kp-serverAuth only (zlint: e_client_auth_not_allowed, "Chrome
// Root Program Policy, Version 1.8, section 1.3.2"). Version 1.6 of the
// policy had named 2026-06-15; version 1.8 keeps that date for new
// subordinate CA certificates. The large CAs stopped earlier, as reported
// by EuroSSL (2025-06-14) and Com Laude (both read 2026-12-01): DigiCert
// from 2025-10-01 by default and entirely by 2026-05-01, Sectigo from
// 2025-09-15 to 2026-05-15, Let's Encrypt from 2026-02-11 by default to
// 2026-05-13. [CheckClientAuth] uses Chrome's date, the one every CA in
// the store is bound by; a user of mutual TLS with a public server
// certificate should expect the successor to lack clientAuth sooner.
//
// # Instants and zones
//
// No function reads the clock: every judgement takes the instant it judges.
// A zero instant is a caller bug. [Period.Status] reports it as [Unknown]
// and [Period.Check] as a *[PeriodError]; [CheckClientAuth] returns an
// error; none ever means "now". Where a function takes a *time.Location,
// nil means JST ([tz.JST]).
//
// # Errors
//
// Errors are typed, with a [Reason]: *[PeriodError] from [Period.Check],
// *[LifetimeError] from [CheckTLSServer] and [CheckTLSServerPeriod],
// *[ClientAuthError] from [CheckClientAuth], *[EncodingError] from
// [CheckEncoding] and [EncodingFindings]. They match with [errors.Is] the
// sentinels callers branch on: [ErrLifetimeExceeded],
// [ErrClientAuthNotAllowed], [ErrInvalidPeriod] and [ErrMalformed].
//
// # Where it departs from the sources
//
// The Baseline Requirements' 39-month step was worded "issued after 1 July
// 2016 but prior to 1 March 2018" and the 825-day step "issued after 1 March
// 2018", which leaves 1 March 2018 itself in neither. This package reads
// "after D" as "from the first instant of the day after D, UTC" (as zlint
// does), and lets the 39-month step run to that instant, so the table has no
// hole. The 39-month bound is counted in calendar months in UTC, the day
// clamped to the end of a shorter month: 2016-11-30 plus 39 months is
// 2020-02-29. [DCVReuse] and [IdentityReuse] take ballot 193's 825 days
// from its effective date, 2018-03-01, not from the day after.
//
// The test in github.com/certlife/certlife/peers/zlintdiff runs zlint
// v3.7.3 beside this package on certificates at every TV-6 step boundary,
// one second either side in both measures, in every scope shape, in the
// TV-5 encodings and with clientAuth before and after 2027-03-15, and on
// zlint's own test certificates. They agree except for these deliberate
// differences:
//
//   - self-signed leaves from 2020-09-01: zlint skips self-signed leaves
//     in its 39-month and 825-day lints but measures them in its Apple
//     398/397-day and SC-081 lints; this package skips them in every step,
//     since no CA issued them and no root program's limit binds them.
//   - 39 months at a month end: zlint adds 39 months with time.Time.AddDate,
//     so 30 November plus 39 months overflows to 1 or 2 March; this package
//     clamps to the end of February, as calendar months are counted (and as
//     the Japanese Civil Code, art. 143, counts them), and is stricter by up
//     to two days.
//   - zcrypto cannot parse the certificate: zlint's parser refuses a
//     GeneralizedTime without seconds, with a fraction or without a zone,
//     and a UTCTime ending in -0000, so zlint reports nothing on such a
//     certificate; [EncodingFindings] reads the DER itself and names each
//     departure.
//   - a GeneralizedTime with a positive offset: zlint's
//     e_generalized_time_includes_fraction_seconds takes "+0900" for
//     fraction digits (it looks for "-" five bytes from the end but for "+"
//     at the very end); this package reports only that the time is not in
//     UTC with Z, as zlint's e_generalized_time_not_in_zulu also does.
//
// # What it does not do
//
// It does not verify signatures, chains, revocation or names, and it does
// not decide whether a certificate is publicly trusted: the checks only
// skip what cannot be a subscriber TLS server certificate. It encodes the
// TLS server limits only from 1 July 2016 on and the validation reuse
// periods from 1 March 2018 on. It does not check the lifetimes of S/MIME,
// code signing or EV-specific rules, nor any CA's own policy stricter than
// the Baseline Requirements.
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

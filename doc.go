// Package certlife is the map of a module of pure Go packages that encode
// the lifecycle and validity rules of X.509 certificates as Japanese
// certificate authorities publish them. The root package holds no code; each
// question has its own package.
//
// # Which package answers which question
//
//   - "Until when, in JST, is this certificate valid?" — package
//     [github.com/certlife/certlife/validity]: the validity period with
//     inclusive ends, status at an instant, length as the CA/Browser Forum
//     measures it, the maximum TLS server lifetime by issue date, and RFC 5280
//     time-encoding checks. Rules TV-2, TV-3, TV-5, TV-6.
//   - "What instant is this timestamp, and what day is it in Japan?" —
//     package [github.com/certlife/certlife/tz]: JST without the host's
//     zone database, parsing the timestamps CAs and tools print, civil dates,
//     Japanese civil-law day and month counting, national holidays and
//     business days. Rules TV-1, TV-4, TV-7.
//   - "Is this a new application or a renewal, and when should we renew?" —
//     package [github.com/certlife/certlife/renewal]: classification by
//     common name and the 30-day wait, renewal timing, key-pair hygiene and
//     diagnosis, document freshness. Rules RN-1 to RN-10.
//   - "May this client certificate still reach the update server?" —
//     package [github.com/certlife/certlife/contract]: access decided by the
//     contract rather than notAfter, extensions, one certificate per contract
//     and no reissue, issuance and download deadlines, maintenance windows.
//     Rules CT-1 to CT-11.
//   - "Will this .p12 import on that CentOS 7 box?" — package
//     [github.com/certlife/certlife/pkce] (Private Key and Certificate
//     Envelopes, not OAuth's PKCE): the download-password policy, safe
//     decoding of PKCS#12 and PEM, key/certificate matching, what each
//     platform can read, and re-encoding for it. Rules PK-1 to PK-4.
//
// The example programs under examples/ (certinfo, renewcheck, p12check,
// contractcheck) run with no arguments on an embedded sample and show each
// package at work.
//
// # Conventions shared by every package
//
// No package reads the clock or the host's local zone: every rule takes the
// instant it judges, and days are counted in an explicit zone, JST by
// default (a nil *time.Location means JST). Errors are typed, carry a
// documented Reason and the values compared, and never contain a password.
// Rule ids (TV-1, RN-3, ...) refer to the project's rule book, and every test
// case that pins a rule carries its id in its name.
package certlife

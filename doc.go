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
//     measures it, the maximum TLS server lifetime by issue date as a
//     verdict (not applicable, pass, warning, error), validation-data
//     reuse, short-lived certificates, the clientAuth ban in public TLS
//     certificates, and RFC 5280 time-encoding checks. Rules TV-2, TV-3,
//     TV-5, TV-6, and RN-12's definition.
//   - "What instant is this timestamp, and what day is it in Japan?" —
//     package [github.com/certlife/certlife/tz]: JST without the host's
//     zone database, parsing the timestamps CAs and tools print (ambiguous
//     zone abbreviations refused), civil dates, Japanese civil-law day and
//     month counting, national holidays and business days, refusing dates
//     whose holidays cannot be known. Rules TV-1, TV-4, TV-7.
//   - "Is this a new application or a renewal, and when should we renew?" —
//     package [github.com/certlife/certlife/renewal]: classification as the
//     CA compares subjects, renewal policies of real CAs as data (presets
//     for the seed CA, JPRS, SECOM, Cybertrust, GlobalSign, DigiCert and
//     ACME), renewal plans with short-lived certificates, ACME Renewal
//     Information and local renewal windows, key-pair hygiene and
//     diagnosis, document freshness. Rules RN-1 to RN-13.
//   - "May this client certificate still reach the update server?" —
//     package [github.com/certlife/certlife/contract]: access decided by the
//     contract rather than notAfter, extensions, a gatekeeper for the
//     update server (tls.Config and net/http), one certificate per contract
//     and generation in a retry-safe ledger on memory or SQL
//     (PostgreSQL, SQLite), the issuance lifecycle, no reissue, issuance and
//     download deadlines, maintenance windows. Rules CT-1 to CT-11.
//   - "Will this .p12 import on that CentOS 7 box?" — package
//     [github.com/certlife/certlife/pkce] (Private Key and Certificate
//     Envelopes, not OAuth's PKCE): the download-password policy, bounded
//     decoding of PKCS#12 (DER and BER, every entry of a keystore) and PEM,
//     key/certificate matching, what each platform reads (measured against
//     OpenSSL, keytool, NSS and GnuTLS), re-encoding for it, and the PEM
//     files yum on CentOS 7 reads. Rules PK-1 to PK-5.
//
// The example programs under examples/ (certinfo, renewcheck, p12check,
// contractcheck, and the server updateserver) run with no arguments on an
// embedded sample and show each package at work.
//
// # Conventions shared by every package
//
// No package reads the clock or the host's local zone: every rule takes the
// instant it judges, a server-side helper takes a clock function, and days
// are counted in an explicit zone, JST by default (a nil *time.Location
// means JST). A yes/no question returns a bool and a finding is a value;
// an error means bad input or the breach of a MUST. Errors are typed, carry
// a documented Reason and the values compared, and never contain a
// password. Functions that touch storage take a context.Context first.
// Rule ids (TV-1, RN-3, ...) refer to the rule book, RULES.md at the root
// of the repository, and every test case that pins a rule carries its id
// in its name.
//
// The tests that need other programs' Go code or a database (zlint, pgx,
// SQLite) live in the separate module github.com/certlife/certlife/peers,
// so that importers of this module download none of them.
package certlife

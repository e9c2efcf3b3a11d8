// Package contract encodes the rules of contract-bound X.509 client
// certificates: certificates that prove an extended-support contract and
// unlock a vendor's update server (rules CT-1 to CT-11 of certlife's
// domain.md, from the vendor's client-certificate FAQ).
//
// Its users are the update server's gatekeeper, which decides whether a
// certificate may download updates; the vendor's back office, which issues
// certificates and answers "when will I get my certificate" and "why can't
// I download"; and a customer's administrator tracking deadlines.
//
// # Access (CT-1 to CT-4)
//
// [Access] decides by the [Contract], not by the certificate's own
// NotAfter, which the issuer deliberately does not set to the contract end
// (CT-1). A contract is in force from the start of its Start day to the end
// of its End day, JST ([Contract.InForce]); once it ends without extension
// the certificate counts as revoked (CT-2, [ErrRevoked]), also after the
// service has ended. [Contract.Extend] extends a contract when agreed by
// the end of its end date, and refuses later agreements with
// [ErrNewContractNeeded] (CT-3). The [Service] ends on 2028-06-30; should
// that end be extended again, certificates issued before the decision stop
// giving access after the end of July 2029 (CT-4, [Service.ExtendEnd]).
// Access reports first what no certificate can overcome (the contract or
// the service ended) and only then what concerns this certificate (it was
// replaced, it expired), so that the reason is one the customer can act
// on.
//
// A certificate is bound to a contract by a [Binding]; by default the
// contract ID is the subject's serialNumber, common name or an
// organizational unit, compared exactly ([BindSubject]). A certificate
// counts as replaced when its NotBefore is before
// [Service.ReplacementDecided]: the library takes NotBefore as the issue
// instant, so a CA that backdates NotBefore past the decision would make a
// new certificate look old.
//
// # The gatekeeper
//
// A [Gatekeeper] is what the update server plugs in: given [Contracts], a
// lookup from a verified client certificate to its contract (the server
// implements it over its database; [MemoryContracts] is in memory), and a
// clock function, [Gatekeeper.Handler] wraps an [http.Handler] and answers
// a refused request with 403 and a text the customer can act on
// ([AccessError.Advice]: the contract ended, the certificate was replaced,
// the certificate is not bound), never internal detail;
// [Gatekeeper.VerifyConnection] refuses at the TLS handshake.
//
// # Issuance (CT-4 to CT-8, CT-10, CT-11)
//
// A [Ledger] issues one certificate per contract and refuses a second
// ([ErrAlreadyIssued], CT-5), even to concurrent callers on several
// machines, over a [Store] whose write is an atomic insert-if-absent on
// unique constraints. Once the replacement of CT-4 is decided, each
// contract may get exactly one replacement ([GenerationReplacement]).
// [Ledger.Issue] takes an idempotency key, so that a retry after an error
// returns the issuance it may have recorded instead of refusing it; the
// [Ledger] doc says what may be retried. [Ledger.Download] records the
// download within the window and outside maintenance, and
// [Ledger.Status] answers "why can't I download": not issued yet,
// awaiting download until a day, downloaded at an instant, or download
// window missed ([State]). [Ledger.Reissue] is always refused with its
// [Cause] and the advice to contact sales (CT-6). [MemoryStore] keeps the
// ledger in memory, [SQLStore] in PostgreSQL or SQLite through
// database/sql (the package imports no driver). Copying the certificate
// file to administrators' PCs is not issuance: the ledger neither records
// nor limits it (CT-10). The certificate is for this service only
// (CT-11); the library cannot stop another system from accepting it and
// does not try.
//
// # Timeline (CT-7 to CT-9)
//
// [IssueBy] gives the day by which the download mail is due: the fifth
// business day after the contract date (CT-7), on a [tz.BusinessCalendar]
// whose closing days the caller configures. Contracts dated on or before
// 2024-05-20 belong to the one-time rollout, whose mails went out from
// 2024-05-27 to 2024-05-29. [DownloadDeadline] gives the first instant
// after the 14-day download window (CT-8) and [CanDownload] says whether a
// download can happen now, given the [Maintenance] schedule of the site
// (CT-9: the third Tuesday, 22:00 to 08:00 JST, unless announced
// otherwise; [NewMaintenance] indexes thousands of announced windows).
//
// # Time
//
// Every rule takes the instant it judges, and the gatekeeper a clock
// function; nothing reads the clock or the host's zone. Days are counted in JST ([tz.JST]), whatever zone an
// instant carries. A zero instant, an invalid date or an empty contract ID
// is a caller bug and gives an [*InputError].
//
// # What it does not do
//
// It does not verify certificate signatures, chains, key usage or
// revocation lists: the TLS layer does that before [Access] is asked (the
// [Gatekeeper] takes only certificates it verified). It does not issue
// certificates, send mail or keep a clock; it imports no database driver
// and tests [SQLStore] against real PostgreSQL and SQLite in a separate
// module. It does not know
// the vendor's company closing days; the caller passes them in the
// calendar. Its error messages are in English.
//
// # Example programs
//
// The command [github.com/certlife/certlife/examples/contractcheck] shows
// this package at work: it prints the [Access] decision, [IssueBy],
// [DownloadDeadline] and the next [Maintenance] window for a contract file.
// The command [github.com/certlife/certlife/examples/updateserver] runs a
// [Gatekeeper] on the loopback and prints the curl command that reaches
// it. Run them with no arguments on their embedded samples:
//
//	go run ./examples/contractcheck
//	go run ./examples/updateserver
package contract

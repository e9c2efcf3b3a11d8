// Package renewal decides whether an application for a TLS server
// certificate is new or a renewal, when a held certificate can and should
// be renewed under its CA's rules, what the renewal buys, which key belongs
// to which certificate after a renewal went wrong, and whether the
// documents of an application are acceptable: rules RN-1 to RN-13 of the
// certlife domain page, with TV-3 and TV-6 for lifetimes.
//
// # New or renewal (RN-1 to RN-5, RN-7, RN-9)
//
// [Classify] takes an [Application] (usually from a CSR, [ApplicationFrom])
// and the certificates the applicant holds ([Held], [HeldFrom]) and returns
// a [Decision]: [KindNew] for a first certificate, a name with no
// certificate, a changed common name or an additional certificate (RN-1),
// or any other change of the subject (RN-4); [KindRenewal] for the same
// subject once renewal opens (RN-2). A renewal before it opens is a
// [*TooEarlyError] matching [ErrTooEarly], which says from when it is
// accepted ([OpensAt]). A public key shared with a held certificate is a
// warning (RN-7), never an error. [NewInventory] indexes large holdings so
// that [Inventory.Classify] does no work that grows with their number:
// BenchmarkInventoryClassify measured about 1 µs a call for a thousand
// certificates, where the index fits in the processor's caches, and 1.3
// to 2.5 µs for a million, where its 56 MB do not.
//
// RN-4 compares subjects as the CA compares them: with the CSR the held
// certificate was issued for when it is known ([Held.RequestSubject]),
// else only the attribute types the certificate and the new CSR both
// carry, so that attributes the CA dropped (OU, emailAddress) or added
// (EV's jurisdiction fields, businessCategory) never make last year's
// unchanged CSR new. String types, attribute order, multi-valued RDNs,
// case and repeated white space never count. The tests run real CSRs and
// certificates made by openssl and keytool.
//
// # CA policies (RN-3, RN-11)
//
// A [Policy] is one CA's renewal rules as data: when renewal opens (a
// wait after issue, RN-3, or a window before expiry), when the renewed
// certificate can be issued ("only when fewer than 30 days remain"), its
// term, month-end expiry, carry-over of the validity left (none, all,
// capped) and a maximum of the CA's own below the Baseline Requirements.
// The zero Policy is invalid: a wait of zero is When{AfterIssue, 0}, never
// a default in disguise. [Preset]s give the rules of [SeedCA] (the source
// FAQ's, the default, [DefaultPolicy]), [JPRS], [SECOM], [Cybertrust],
// [GlobalSign], [DigiCert] and [ACME], each citing the page and the date
// it was read.
//
// # When to renew (RN-10, RN-12, RN-13, TV-6)
//
// [Plan] returns a [Schedule] for an instant: when renewal opens, when it
// is due (a third of the lifetime *left*, [DefaultRemaining]; half for
// lifetimes of 10 days or less, RN-12; or an instant derived from the
// certificate in the CA's ACME Renewal Information window,
// [SuggestedWindow], RN-13), the deadline (a safety margin never more
// than a sixth of the lifetime), and what the next certificate will be
// ([NextCertificate]: issue instant, notAfter under the policy's term,
// carry-over, month end, the CA's maximum and the TV-6 limit in force
// then). Renewal [Window]s in local terms ("business days only, 10:00-17:00
// JST", "not during the year-end closing", "not during the download site's
// maintenance") move Due to the next allowed instant. When no schedule
// exists (renewal opens after notAfter, as a 160-hour certificate under a
// 30-day wait; windows that allow nothing before the deadline) Plan
// returns a [*ScheduleError] matching [ErrNoSchedule]: never a Due after
// expiry. [Spread] spreads a fleet reproducibly. [ARICertID],
// [ParseRenewalInfo] and [ParseRetryAfter] implement the client side of
// RFC 9773 without network I/O: the caller fetches.
//
// # Key pairs (RN-8)
//
// [PairKeys] says which private key belongs to which certificate (RSA,
// ECDSA, Ed25519, compared as package pkce compares them), which are
// orphans, and which of the two causes RN-8 names the shape fits: an
// installed certificate with no key ([CauseKeyOverwritten]) or a key with
// no certificate ([CauseConfigNewKey]).
//
// # Documents (RN-6)
//
// [CheckRegistryCopy] and [Documents.Check] accept a Teikoku Databank
// company code, or a company registry copy issued at most three months
// (counted as the Civil Code counts months) before submission.
//
// # Comparing names
//
// A certificate or application is named by its subject's common name, or
// when it has none by each of its DNS names. Names compare as DNS names do
// (RFC 4343): without regard to ASCII case and ignoring one trailing dot.
// Non-ASCII runes compare after Unicode simple case folding, with no IDNA
// mapping or normalization, so a U-label does not match its "xn--"
// A-label; such names carry a [WarnNonASCIIName] warning. Subject
// attribute values compare after RFC 4518's string preparation without
// its Unicode normalization: case folded, white space collapsed; a UTF-8
// value stored in a T61String is read as UTF-8.
//
// # Where it departs from the sources, and what it does not do
//
//   - With only the certificate, an attribute the applicant removed from
//     the CSR is not seen (the CA might have dropped it): keep the CSR in
//     [Held.RequestSubject] to compare CSR with CSR.
//   - The presets record what the CAs' pages said when read (2026-12-01);
//     where a page was silent (SECOM's lifetime under the 200-day limit,
//     Cybertrust's carry-over since 2026) the preset's documentation says
//     what was assumed.
//   - The due fraction for short lifetimes switches at 10 days (the
//     peers'), not at the Baseline Requirements' 7-day definition of
//     short-lived, which [Schedule.ShortLived] reports.
//   - A renewal of an expired certificate is still a renewal, with a
//     [WarnCurrentExpired] warning; the sources do not say otherwise.
//   - It does not check that a registry copy is an original, that a company
//     code exists, or who the applicant is; it does no network I/O; it
//     never reads the clock: every judgement takes its instant, and a zero
//     instant is an error.
//   - The default deadline margin of a week ([DefaultSafetyMargin]) and
//     its cap of a sixth of the lifetime are this package's choices.
//
// # Example program
//
// The command [github.com/certlife/certlife/examples/renewcheck] shows this
// package at work: it classifies a CSR against the certificates held, prints
// the [Plan] and, with -keys, the [PairKeys] diagnosis. Run it with no
// arguments on its embedded sample:
//
//	go run ./examples/renewcheck
package renewal

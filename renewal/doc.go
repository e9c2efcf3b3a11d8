// Package renewal decides whether an application for a TLS server
// certificate is new or a renewal, when a held certificate can and should
// be renewed, which key belongs to which certificate after a renewal went
// wrong, and whether the documents of an application are acceptable, after
// the rules a Japanese CA publishes for its server certificates (rules RN-1
// to RN-10 of the certlife domain page, and TV-3 and TV-6 for lifetimes).
//
// # New or renewal (RN-1 to RN-5, RN-7, RN-9)
//
// [Classify] takes an [Application] (usually from a CSR, [ApplicationFrom])
// and the certificates the applicant holds ([Held], [HeldFrom]) and returns
// a [Decision]: [New] for a first certificate, a changed common name or an
// additional certificate for a name already held (RN-1), or any other
// change of the subject (RN-4); [Renewal] for the same subject after the
// wait (RN-2). A renewal before the wait of RN-3 is a [*TooEarlyError]
// matching [ErrTooEarly], which says from when the renewal is accepted
// ([OpensAt]). A public key shared with a held certificate is a warning
// (RN-7), never an error. [NewInventory] indexes large holdings so that
// [Inventory.Classify] costs the same for a thousand certificates or a
// million.
//
// The applicant may differ from the one who applied for the current
// certificate (RN-5), and how the CSR was made on the server does not
// decide the category (RN-9): an Application has no field for either.
//
// # Waiting and counting days (RN-3)
//
// A [Policy] sets the wait (30 days) and how it is counted: [CivilDays]
// in JST by default, as Japanese civil law counts periods (the day of issue
// is not counted, the wait ends at the end of its last day, so a
// certificate issued on day D can be renewed from 00:00 JST of day D+31),
// or [Elapsed], exactly Wait×24 hours after the issue instant. The zero
// Policy means the defaults ([DefaultPolicy]).
//
// # When to renew (RN-10, TV-6)
//
// [Plan] returns a [Schedule]: when renewal opens (RN-3), when it is due
// (when a third of the lifetime is *left* by default, [DueWhenRemaining],
// the peers' common default), the deadline ([SafetyMargin]) and, from the
// Baseline Requirements' lifetime limits (TV-6, package validity), the
// longest certificate that can be issued at the due instant, with a warning
// when the held lifetime cannot be had again (a yearly cadence ends on
// 2026-03-15). [Spread] moves the due instant by an amount derived from the
// certificate, so that a fleet does not renew at one instant and the same
// certificate always gets the same answer.
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
// Common names compare as DNS names do (RFC 4343): without regard to ASCII
// case and ignoring one trailing dot. Non-ASCII runes compare after Unicode
// simple case folding, with no IDNA mapping or normalization, so a U-label
// does not match its "xn--" A-label; such names carry a [WarnNonASCIIName]
// warning. Other subject attributes compare, for RN-4, without regard to
// their order, case and repeated white space (after RFC 5280 section 7.1,
// without the Unicode normalization of RFC 4518); a CA that drops
// attributes such as OU when it issues lists them in
// [Policy.IgnoreAttributes].
//
// # Where it departs from the source, and what it does not do
//
//   - The source compares with "the previous certificate"; this package
//     takes the current one, the certificate for the same common name with
//     the latest notBefore. It cannot renew a particular one of several
//     certificates held for one name (additional certificates).
//   - An application with an empty common name is refused: the rules decide
//     by common name, and this package does not fall back to a subject
//     alternative name.
//   - A renewal of an expired certificate is still a renewal, with a
//     [WarnCurrentExpired] warning; the source does not say otherwise.
//   - It does not check that a registry copy is an original, that a company
//     code exists, or who the applicant is; it never reads the clock: every
//     judgement takes its instant, and a zero instant is an error.
//   - The default deadline margin of a week ([DefaultSafetyMargin]) is this
//     package's choice; the source gives none.
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

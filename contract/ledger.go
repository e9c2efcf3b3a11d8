package contract

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// A Ledger is the back office's record of the certificates issued for each
// contract (CT-5 to CT-8): it issues at most one certificate per contract
// and generation, records its download, answers "why can't I download"
// ([Ledger.Status]) and refuses every reissue (CT-6). The zero Ledger is
// ready to use and keeps its issuances in memory; set Store to keep them in
// a database shared by several instances ([SQLStore]). A Ledger is safe
// for concurrent use and must not be copied after first use.
//
// # Retries
//
// Every method makes at most one write to the Store, so a Store error
// (a lost connection, a cancelled context) never leaves half an issuance
// behind. What a caller may retry after an error:
//
//   - [Ledger.Issue] with the same contract ID and the same key, any
//     number of times: if an earlier attempt was recorded, even one that
//     reported an error after its commit, the retry returns that issuance
//     (with its original At), not [ErrAlreadyIssued]. Retrying with a new
//     key after an error is wrong: if the first attempt was recorded, the
//     new key is refused as a second certificate.
//   - [Ledger.Download]: the first recorded download is kept, so a retry
//     returns it.
//   - [Ledger.Status], [Ledger.Issued] and [Ledger.Reissue] only read.
//
// # What it does not do
//
// It does not see copies of the certificate file, which the customer may
// place on any number of administrators' PCs within the contract with no
// notice (CT-10: copying is not issuance, so it is not recorded and not
// limited); it does not check that a contract exists or is in force when
// issuing (pair it with [IssueBy] and [Contract.InForce]); and it cannot
// stop the certificate being presented to other systems (CT-11: it is for
// this service only; a relying party other than the update server must not
// accept it, which only that party can enforce).
type Ledger struct {
	// Store holds the issuances; nil means an in-memory store private to
	// this Ledger.
	Store Store
	// Service decides the generation of an issuance (CT-4): an issuance
	// at or after Service.ReplacementDecided, with Service.ReplaceBy set,
	// is a [GenerationReplacement]. The zero Service has no replacement.
	Service Service
	// Maintenance is the download site's schedule (CT-9), which
	// [Ledger.Download] and [Ledger.Status] apply.
	Maintenance Maintenance

	mem MemoryStore
}

func (l *Ledger) store() Store {
	if l.Store == nil {
		return &l.mem
	}
	return l.Store
}

// GenerationAt returns the generation of a certificate issued at the
// instant issuedAt (CT-4, CT-5): [GenerationReplacement] when a
// replacement is decided (ReplaceBy is set) and issuedAt is on or after
// ReplacementDecided, else [GenerationOriginal]. [Access] draws the same
// line on a certificate's NotBefore.
func (s Service) GenerationAt(issuedAt time.Time) Generation {
	if !s.ReplaceBy.IsZero() && !issuedAt.Before(s.ReplacementDecided) {
		return GenerationReplacement
	}
	return GenerationOriginal
}

// check returns an InputError when s's replacement is set
// inconsistently.
func (s Service) check(fn string) error {
	switch {
	case !s.end().IsValid():
		return inputError(fn, "invalid service end date "+s.End.String())
	case !s.ReplaceBy.IsZero() && !s.ReplaceBy.IsValid():
		return inputError(fn, "invalid replacement date "+s.ReplaceBy.String())
	case !s.ReplaceBy.IsZero() && s.ReplacementDecided.IsZero():
		return inputError(fn, "replacement date set without the instant it was decided")
	}
	return nil
}

// Issue records the issuance of a certificate of contract contractID at the
// instant at, the sending of its download mail (CT-7), and returns it. Call
// it before making the certificate: a certificate is made and mailed only
// for an issuance Issue returned.
//
// The contract gets one certificate per generation ([Service.GenerationAt]
// of at): the first Issue for a contract and generation succeeds, even
// among concurrent callers on several machines sharing the Store, and
// every later one is refused (CT-5: "ご契約ごとに 1 通のみ"). Before a
// replacement is decided that is one certificate in all; once it is
// decided (CT-4), each contract may get exactly one replacement.
//
// key identifies this issuance for retries: choose it when deciding to
// issue (a job ID, a request ID, the serial number the certificate will
// get) and pass the same key on every retry. A call whose key is already
// recorded for the contract returns that issuance, as first recorded,
// whatever at it passes. Keys are compared exactly and need only be unique
// within a contract. See [Ledger] for what may be retried.
//
// Errors: an [*IssueError] matching [ErrAlreadyIssued], carrying the
// issuance on record, when the contract already has its certificate of
// that generation under another key; an [*InputError] for an empty
// contractID or key, a zero at or an inconsistent l.Service; the Store's
// error, wrapped, if it fails, in which case nothing or all of the
// issuance was recorded and the call may be retried with the same key.
func (l *Ledger) Issue(ctx context.Context, contractID, key string, at time.Time) (Issuance, error) {
	const fn = "Ledger.Issue"
	switch {
	case contractID == "":
		return Issuance{}, inputError(fn, "empty contract ID")
	case key == "":
		return Issuance{}, inputError(fn, "empty idempotency key")
	case at.IsZero():
		return Issuance{}, inputError(fn, "zero instant at")
	}
	if err := l.Service.check(fn); err != nil {
		return Issuance{}, err
	}
	iss := Issuance{ContractID: contractID, Generation: l.Service.GenerationAt(at), Key: key, At: at}
	stored, inserted, err := l.store().InsertIfAbsent(ctx, iss)
	if err != nil {
		return Issuance{}, fmt.Errorf("contract: issuing for contract %s: %w", strconv.Quote(contractID), err)
	}
	if inserted || stored.Key == key {
		return stored, nil
	}
	return Issuance{}, &IssueError{Reason: ReasonAlreadyIssued, ContractID: contractID, At: at, Generation: iss.Generation, Issued: stored}
}

// Download records the download of the certificate of contract contractID
// and generation gen at the instant at, and returns the issuance with the
// download recorded. The first download recorded is kept: a later or
// repeated call returns it.
//
// A download is recorded only within the download window (CT-8: 14 days
// after the mail, [DownloadDeadline]) and outside maintenance (CT-9,
// l.Maintenance). Errors: a [*DownloadError] as [CanDownload] gives it,
// with ContractID and Generation set ([ErrWindowClosed] after the window,
// which is final, CT-6; [ErrMaintenance] during maintenance, when a retry
// after the window may succeed), or with [ReasonNotYetMailed] when no such
// certificate was issued by at; an [*InputError] for an empty contractID, a
// zero at or a generation other than 1 or 2; the Store's error, wrapped.
// A download refused or failed is not recorded.
func (l *Ledger) Download(ctx context.Context, contractID string, gen Generation, at time.Time) (Issuance, error) {
	const fn = "Ledger.Download"
	switch {
	case contractID == "":
		return Issuance{}, inputError(fn, "empty contract ID")
	case at.IsZero():
		return Issuance{}, inputError(fn, "zero instant at")
	case gen != GenerationOriginal && gen != GenerationReplacement:
		return Issuance{}, inputError(fn, "invalid generation "+gen.String())
	}
	list, err := l.store().Issuances(ctx, contractID)
	if err != nil {
		return Issuance{}, fmt.Errorf("contract: looking up contract %s: %w", strconv.Quote(contractID), err)
	}
	iss, ok := find(list, gen)
	if !ok || at.Before(iss.At) {
		return Issuance{}, &DownloadError{Reason: ReasonNotYetMailed, ContractID: contractID, Generation: gen,
			MailedAt: iss.At, At: at, Deadline: DownloadDeadline(iss.At)} // zero when never issued
	}
	if err := CanDownload(iss.At, at, l.Maintenance); err != nil {
		if de, ok := err.(*DownloadError); ok {
			de.ContractID, de.Generation = contractID, gen
		}
		return Issuance{}, err
	}
	rec, ok, err := l.store().RecordDownload(ctx, contractID, gen, at)
	if err != nil {
		return Issuance{}, fmt.Errorf("contract: recording the download for contract %s: %w", strconv.Quote(contractID), err)
	}
	if !ok {
		return Issuance{}, fmt.Errorf("contract: recording the download for contract %s: the store lost the %s issuance", strconv.Quote(contractID), gen)
	}
	return rec, nil
}

// find returns the issuance of generation gen in list.
func find(list []Issuance, gen Generation) (Issuance, bool) {
	for _, iss := range list {
		if iss.Generation == gen {
			return iss, true
		}
	}
	return Issuance{}, false
}

// Issued returns the issuances recorded for contractID, ordered by
// generation: the answer to "when was my certificate issued". None is not
// an error. It returns an [*InputError] for an empty contractID and the
// Store's error, wrapped, if it fails.
func (l *Ledger) Issued(ctx context.Context, contractID string) ([]Issuance, error) {
	if contractID == "" {
		return nil, inputError("Ledger.Issued", "empty contract ID")
	}
	list, err := l.store().Issuances(ctx, contractID)
	if err != nil {
		return nil, fmt.Errorf("contract: looking up contract %s: %w", strconv.Quote(contractID), err)
	}
	return list, nil
}

// An IssueError reports an issuance that [Ledger.Issue] refused.
type IssueError struct {
	Reason     Reason // ReasonAlreadyIssued
	ContractID string
	At         time.Time  // the instant of the refused issuance
	Generation Generation // its generation
	Issued     Issuance   // the certificate of that generation issued before
}

// Error returns, for example, "contract: cannot issue for contract C-1 at
// 2026-05-12T10:00:00+09:00: certificate already issued at
// 2026-05-11T10:00:00+09:00; one certificate per contract", or for a
// replacement "...: replacement certificate already issued at ...; one
// replacement per contract".
func (e *IssueError) Error() string {
	what, rule := e.Reason.String(), "one certificate per contract"
	if e.Generation == GenerationReplacement {
		what, rule = "replacement "+what, "one replacement per contract"
	}
	return "contract: cannot issue for contract " + e.ContractID + " at " + rfc3339(e.At) + ": " +
		what + " at " + rfc3339(e.Issued.At) + "; " + rule
}

// Is reports whether target is [ErrAlreadyIssued].
func (e *IssueError) Is(target error) bool {
	return target == ErrAlreadyIssued && e.Reason == ReasonAlreadyIssued
}

// A Cause is the reason a customer gives for asking a reissue.
type Cause int

const (
	// CauseUnspecified is a request that gives no cause. It is refused
	// like the others.
	CauseUnspecified Cause = iota
	// CauseLost is a lost certificate file (CT-6). Report it to sales.
	CauseLost
	// CauseForgottenPassword is a forgotten password of the certificate
	// file (CT-6).
	CauseForgottenPassword
	// CauseDownloadWindowMissed is a certificate not downloaded within the
	// 14-day window (CT-6, CT-8).
	CauseDownloadWindowMissed
)

var causeText = [...]string{
	CauseUnspecified:          "unspecified cause",
	CauseLost:                 "certificate file lost",
	CauseForgottenPassword:    "password forgotten",
	CauseDownloadWindowMissed: "download window missed",
}

// String returns the cause in words: "certificate file lost".
func (c Cause) String() string {
	if c >= 0 && int(c) < len(causeText) {
		return causeText[c]
	}
	return "Cause(" + strconv.Itoa(int(c)) + ")"
}

// Advice returns what the customer should do instead of a reissue. For a
// lost file it is the source's own advice (CT-6: "紛失された場合は…当社担当営業までお知らせください"):
// report the loss to the sales representative. The source gives no advice
// for the other causes; sales is the only party that can act on a contract,
// so Advice points there too.
func (c Cause) Advice() string {
	if c == CauseLost {
		return "report the loss to your sales representative"
	}
	return "contact your sales representative"
}

// Reissue asks for the certificate of contract contractID to be issued
// again, for cause. It is always refused (CT-6: causes on the customer's
// side, a lost file, a forgotten password or a missed download window, never
// lead to a reissue; and CT-5 allows one certificate per contract and
// generation).
//
// It returns a [*ReissueError] matching [ErrNoReissue], carrying the
// cause, the advice and the latest issuance on record if there is one; an
// [*InputError] for an empty contractID; the Store's error, wrapped, if the
// lookup fails.
func (l *Ledger) Reissue(ctx context.Context, contractID string, cause Cause) error {
	if contractID == "" {
		return inputError("Ledger.Reissue", "empty contract ID")
	}
	list, err := l.Issued(ctx, contractID)
	if err != nil {
		return err
	}
	e := &ReissueError{ContractID: contractID, Cause: cause}
	if len(list) > 0 {
		e.Issued, e.WasIssued = list[len(list)-1], true
	}
	return e
}

// A ReissueError reports a refused reissue (CT-6). It matches
// [ErrNoReissue].
type ReissueError struct {
	ContractID string
	Cause      Cause
	// Issued is the latest issuance on record, valid when WasIssued is
	// true.
	Issued    Issuance
	WasIssued bool
}

// Error returns, for example, "contract: no reissue for contract C-1
// (certificate file lost): certificates are not reissued; report the loss to
// your sales representative".
func (e *ReissueError) Error() string {
	msg := "contract: no reissue for contract " + e.ContractID + " (" + e.Cause.String() + "): certificates are not reissued"
	if e.WasIssued {
		msg += "; issued at " + rfc3339(e.Issued.At)
	}
	return msg + "; " + e.Cause.Advice()
}

// Is reports whether target is [ErrNoReissue].
func (e *ReissueError) Is(target error) bool { return target == ErrNoReissue }

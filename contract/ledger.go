package contract

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"
)

// An Issuance records the one certificate issued for a contract (CT-5).
type Issuance struct {
	ContractID string
	// At is when the certificate was issued: the instant the download mail
	// was sent (CT-7).
	At time.Time
}

// A Store keeps issuances, at most one per contract ID. Its one write
// operation is an atomic insert-if-absent, so that a database can back it
// with a unique constraint on the contract ID (an INSERT that reports a
// conflict instead of failing). Implementations must be safe for
// concurrent use. [MemoryStore] is the in-memory Store.
type Store interface {
	// InsertIfAbsent stores iss unless an issuance for iss.ContractID is
	// stored already. It returns the issuance stored for that ID after the
	// call, and whether it is iss, newly inserted. Of any number of
	// concurrent calls for one ID, at most one may report inserted.
	InsertIfAbsent(ctx context.Context, iss Issuance) (stored Issuance, inserted bool, err error)
	// Lookup returns the issuance stored for contractID, if any.
	Lookup(ctx context.Context, contractID string) (iss Issuance, ok bool, err error)
}

// A MemoryStore is a [Store] in memory. The zero MemoryStore is empty and
// ready to use; it is safe for concurrent use and must not be copied after
// first use.
type MemoryStore struct {
	mu sync.Mutex
	m  map[string]Issuance
}

// InsertIfAbsent implements [Store]. It never returns an error.
func (s *MemoryStore) InsertIfAbsent(_ context.Context, iss Issuance) (Issuance, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.m[iss.ContractID]; ok {
		return old, false, nil
	}
	if s.m == nil {
		s.m = make(map[string]Issuance)
	}
	s.m[iss.ContractID] = iss
	return iss, true, nil
}

// Lookup implements [Store]. It never returns an error.
func (s *MemoryStore) Lookup(_ context.Context, contractID string) (Issuance, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iss, ok := s.m[contractID]
	return iss, ok, nil
}

// A Ledger issues at most one certificate per contract (CT-5) and refuses
// every reissue (CT-6). The zero Ledger is ready to use and keeps its
// issuances in memory; set Store to keep them elsewhere. A Ledger is safe
// for concurrent use and must not be copied after first use.
//
// What the ledger enforces: a second [Ledger.Issue] for a contract ID is
// refused, however many callers race; [Ledger.Reissue] is always refused.
// What it does not: it does not see copies of the certificate file, which
// the customer may place on any number of administrators' PCs within the
// contract with no notice (CT-10: copying is not issuance, so it is not
// recorded and not limited); it does not check that a contract exists or
// is in force when issuing (pair it with [IssueBy] and [Access]); and it
// cannot stop the certificate being presented to other systems (CT-11: it
// is for this service only; a relying party other than the update server
// must not accept it, which only that party can enforce).
type Ledger struct {
	// Store holds the issuances; nil means an in-memory store private to
	// this Ledger.
	Store Store

	mem MemoryStore
}

func (l *Ledger) store() Store {
	if l.Store == nil {
		return &l.mem
	}
	return l.Store
}

// Issue records the issuance of the certificate of contract contractID at
// the instant at and returns it. Only the first Issue for a contract ID
// succeeds, even among concurrent callers (CT-5: "ご契約ごとに 1 通のみ").
//
// Errors: an [*IssueError] matching [ErrAlreadyIssued], carrying the first
// issuance, for any later call; an [*InputError] for an empty contractID
// or a zero at; the Store's error, wrapped, if it fails.
func (l *Ledger) Issue(contractID string, at time.Time) (Issuance, error) {
	const fn = "Ledger.Issue"
	switch {
	case contractID == "":
		return Issuance{}, inputError(fn, "empty contract ID")
	case at.IsZero():
		return Issuance{}, inputError(fn, "zero instant at")
	}
	iss := Issuance{ContractID: contractID, At: at}
	stored, inserted, err := l.store().InsertIfAbsent(context.Background(), iss)
	if err != nil {
		return Issuance{}, fmt.Errorf("contract: issuing for contract %s: %w", strconv.Quote(contractID), err)
	}
	if !inserted {
		return Issuance{}, &IssueError{Reason: ReasonAlreadyIssued, ContractID: contractID, At: at, Issued: stored}
	}
	return iss, nil
}

// Issued returns the issuance recorded for contractID, if any: the answer
// to "when was my certificate issued". It returns an [*InputError] for an
// empty contractID and the Store's error, wrapped, if it fails.
func (l *Ledger) Issued(contractID string) (Issuance, bool, error) {
	if contractID == "" {
		return Issuance{}, false, inputError("Ledger.Issued", "empty contract ID")
	}
	iss, ok, err := l.store().Lookup(context.Background(), contractID)
	if err != nil {
		return Issuance{}, false, fmt.Errorf("contract: looking up contract %s: %w", strconv.Quote(contractID), err)
	}
	return iss, ok, nil
}

// An IssueError reports an issuance that [Ledger.Issue] refused.
type IssueError struct {
	Reason     Reason // ReasonAlreadyIssued
	ContractID string
	At         time.Time // the instant of the refused issuance
	Issued     Issuance  // the certificate issued before
}

// Error returns, for example, "contract: cannot issue for contract C-1 at
// 2026-05-12T10:00:00+09:00: certificate already issued at
// 2026-05-11T10:00:00+09:00; one certificate per contract".
func (e *IssueError) Error() string {
	return "contract: cannot issue for contract " + e.ContractID + " at " + rfc3339(e.At) + ": " +
		e.Reason.String() + " at " + rfc3339(e.Issued.At) + "; one certificate per contract"
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
// lead to a reissue; and CT-5 allows one certificate per contract).
//
// It returns a [*ReissueError] matching [ErrNoReissue], carrying the
// cause, the advice and the issuance on record if there is one; an
// [*InputError] for an empty contractID; the Store's error, wrapped, if the
// lookup fails.
func (l *Ledger) Reissue(contractID string, cause Cause) error {
	iss, ok, err := l.Issued(contractID)
	if err != nil {
		if ie, isInput := err.(*InputError); isInput {
			ie.Func = "Ledger.Reissue"
		}
		return err
	}
	return &ReissueError{ContractID: contractID, Cause: cause, Issued: iss, WasIssued: ok}
}

// A ReissueError reports a refused reissue (CT-6). It matches
// [ErrNoReissue].
type ReissueError struct {
	ContractID string
	Cause      Cause
	// Issued is the issuance on record, valid when WasIssued is true.
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

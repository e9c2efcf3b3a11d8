package contract

import (
	"errors"
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
)

// A Reason says why a decision of this package went against the caller. One
// enum serves every error type of the package; each constant says which
// error carries it.
type Reason int

const (
	// ReasonNotBound results when the certificate does not name the
	// contract it is presented for, as the [Service.Binding] decides, or
	// when a [Gatekeeper]'s [Contracts] knows no contract for it
	// ([AccessError]).
	ReasonNotBound Reason = iota + 1
	// ReasonContractNotStarted results when access is asked before the
	// first instant of the contract's Start day in JST ([AccessError]).
	ReasonContractNotStarted
	// ReasonContractEnded results when access is asked from the first
	// instant after the contract's End day in JST: the contract ended
	// without extension and the certificate counts as revoked (CT-2). The
	// [AccessError] matches [ErrRevoked], also after the service end when
	// the contract ended first.
	ReasonContractEnded
	// ReasonServiceEnded results when access is asked after the last day of
	// the service itself, [Service.End] (2028-06-30 unless extended; CT-4),
	// for a contract that had not ended by then ([AccessError]).
	ReasonServiceEnded
	// ReasonReplaced results when the service end was extended, the
	// certificate was issued (its NotBefore) before that decision, and the
	// replacement deadline [Service.ReplaceBy] has passed while the
	// contract is in force (CT-4) ([AccessError]). The customer should use
	// the replacement certificate issued for the contract.
	ReasonReplaced
	// ReasonCertNotYetValid results when access is asked before the
	// certificate's own NotBefore (RFC 5280 4.1.2.5) ([AccessError]).
	ReasonCertNotYetValid
	// ReasonCertExpired results when access is asked after the
	// certificate's own NotAfter, although the contract is in force
	// ([AccessError]). The issuer does not set NotAfter to the contract end
	// (CT-1), so this is rare and not the customer's doing.
	ReasonCertExpired
	// ReasonExtensionTooLate results when an extension is agreed after the
	// end of the contract's End day in JST: the contract has ended and a
	// new contract is needed (CT-3). The [ExtendError] matches
	// [ErrNewContractNeeded].
	ReasonExtensionTooLate
	// ReasonEndNotLater results when the new end date of an extension is
	// not after the current end date ([ExtendError]).
	ReasonEndNotLater
	// ReasonAlreadyIssued results when a certificate has already been
	// issued for the contract (CT-5). The [IssueError] matches
	// [ErrAlreadyIssued].
	ReasonAlreadyIssued
	// ReasonNotYetMailed results when a download is tried before the
	// download mail was sent ([DownloadError]).
	ReasonNotYetMailed
	// ReasonWindowClosed results when a download is tried after the 14-day
	// download window (CT-8). It never reopens and the certificate is not
	// reissued (CT-6). The [DownloadError] matches [ErrWindowClosed].
	ReasonWindowClosed
	// ReasonMaintenance results when a download is tried while the download
	// site is down for maintenance (CT-9); it can be tried again when the
	// window ends. The [DownloadError] matches [ErrMaintenance].
	ReasonMaintenance
	// ReasonNoCertificate results when a [Gatekeeper] is asked about a
	// connection without a client certificate verified by the TLS layer
	// ([AccessError], with no ContractID).
	ReasonNoCertificate
)

var reasonText = [...]string{
	ReasonNotBound:           "certificate not bound to the contract",
	ReasonContractNotStarted: "contract not started",
	ReasonContractEnded:      "contract ended",
	ReasonServiceEnded:       "service ended",
	ReasonReplaced:           "certificate replaced",
	ReasonCertNotYetValid:    "certificate not yet valid",
	ReasonCertExpired:        "certificate expired",
	ReasonExtensionTooLate:   "extension agreed after the contract ended",
	ReasonEndNotLater:        "new end not after the current end",
	ReasonAlreadyIssued:      "certificate already issued",
	ReasonNotYetMailed:       "download mail not yet sent",
	ReasonWindowClosed:       "download window closed",
	ReasonMaintenance:        "download site in maintenance",
	ReasonNoCertificate:      "no verified client certificate",
}

// String returns the reason in words, as the error messages use it:
// "contract ended".
func (r Reason) String() string {
	if r > 0 && int(r) < len(reasonText) {
		return reasonText[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Sentinel errors, for the outcomes callers branch on with [errors.Is]. The
// typed errors of this package match them; use [errors.As] to get the
// values compared.
var (
	// ErrRevoked is matched by an [AccessError] whose contract ended
	// without extension (CT-2).
	ErrRevoked = errors.New("contract: certificate revoked: contract ended")
	// ErrNewContractNeeded is matched by an [ExtendError] whose extension
	// came after the contract ended (CT-3).
	ErrNewContractNeeded = errors.New("contract: contract ended: a new contract is needed")
	// ErrAlreadyIssued is matched by an [IssueError]: the contract already
	// has its one certificate (CT-5).
	ErrAlreadyIssued = errors.New("contract: certificate already issued for the contract")
	// ErrWindowClosed is matched by a [DownloadError] after the download
	// window (CT-8); there is no point in retrying.
	ErrWindowClosed = errors.New("contract: download window closed")
	// ErrMaintenance is matched by a [DownloadError] during maintenance
	// (CT-9); retrying after the window ends may succeed.
	ErrMaintenance = errors.New("contract: download site in maintenance")
	// ErrNoReissue is matched by every [ReissueError] (CT-6).
	ErrNoReissue = errors.New("contract: certificates are not reissued")
	// ErrInvalidInput is matched by every [InputError]: a caller bug such
	// as a zero instant or an invalid date.
	ErrInvalidInput = errors.New("contract: invalid input")
)

// An InputError reports an argument that no rule can judge: a zero
// instant, an invalid or zero date, an empty contract ID, a nil
// certificate. It is a bug in the caller, never a decision; a gatekeeper
// should refuse access and log it. It matches [ErrInvalidInput].
type InputError struct {
	Func    string // the function or method called, "Access"
	Problem string // what is wrong, "zero instant at"
}

// Error returns, for example, "contract: Access: zero instant at".
func (e *InputError) Error() string {
	return "contract: " + e.Func + ": " + e.Problem
}

// Is reports whether target is [ErrInvalidInput].
func (e *InputError) Is(target error) bool { return target == ErrInvalidInput }

func inputError(fn, problem string) *InputError {
	return &InputError{Func: fn, Problem: problem}
}

// rfc3339 formats t for error messages: RFC 3339 in JST, with a fraction
// only when there is one, so messages do not depend on the zone t carries.
func rfc3339(t time.Time) string {
	return t.In(tz.JST).Format(time.RFC3339Nano)
}

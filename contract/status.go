package contract

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
)

// A State is where a contract's certificate stands in its issuance
// lifecycle (CT-5 to CT-8), as [Ledger.Status] reports it.
type State int

const (
	// StateNotIssued: no certificate of the generation was issued by the
	// instant asked; the download mail is still to come (CT-7).
	StateNotIssued State = iota + 1
	// StateAwaitingDownload: the download mail was sent and the 14-day
	// window is open (CT-8); the site may be down for maintenance
	// meanwhile (CT-9).
	StateAwaitingDownload
	// StateDownloaded: the certificate was downloaded within the window.
	StateDownloaded
	// StateWindowMissed: the window closed without a download; the
	// certificate can no longer be downloaded and is not reissued (CT-6).
	StateWindowMissed
)

var stateText = [...]string{
	StateNotIssued:        "not issued yet",
	StateAwaitingDownload: "awaiting download",
	StateDownloaded:       "downloaded",
	StateWindowMissed:     "download window missed",
}

// String returns the state in words: "awaiting download".
func (s State) String() string {
	if s > 0 && int(s) < len(stateText) {
		return stateText[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// A Status answers "why can't I download" for one contract at one
// instant: the state of its certificate of the generation current then.
type Status struct {
	ContractID string
	At         time.Time // the instant judged
	// Generation is the generation an issuance at At would get
	// ([Service.GenerationAt]): once a replacement is decided, the status
	// is that of the replacement certificate.
	Generation Generation
	State      State
	// Issuance is the certificate's record, zero for StateNotIssued. Its
	// Downloaded is zero unless State is StateDownloaded.
	Issuance Issuance
	// Deadline is the first instant after the download window
	// ([DownloadDeadline]); zero for StateNotIssued.
	Deadline time.Time
	// Maintenance is the maintenance window in effect at At for
	// StateAwaitingDownload, when the site is down; zero otherwise.
	Maintenance Window
}

// String returns the status in one line, for example "contract C-1:
// certificate awaiting download until the end of 2026-05-25 JST (mail sent
// at 2026-05-11T10:00:00+09:00)". The four forms end "not issued yet",
// "awaiting download until the end of DAY JST", "downloaded at INSTANT"
// and "download window missed on DAY JST", DAY being the last day of the
// window; "certificate" reads "replacement certificate" for the
// replacement generation.
func (s Status) String() string {
	msg := "contract " + s.ContractID + ": certificate "
	if s.Generation == GenerationReplacement {
		msg = "contract " + s.ContractID + ": replacement certificate "
	}
	lastDay := tz.DateOf(s.Deadline.Add(-1), tz.JST).String()
	switch s.State {
	case StateNotIssued:
		return msg + "not issued yet"
	case StateAwaitingDownload:
		msg += "awaiting download until the end of " + lastDay + " JST (mail sent at " + rfc3339(s.Issuance.At) + ")"
		if !s.Maintenance.End.IsZero() {
			msg += "; the download site is in maintenance until " + rfc3339(s.Maintenance.End)
		}
		return msg
	case StateDownloaded:
		return msg + "downloaded at " + rfc3339(s.Issuance.Downloaded)
	case StateWindowMissed:
		return msg + "download window missed on " + lastDay + " JST (mail sent at " + rfc3339(s.Issuance.At) +
			"); it cannot be downloaded or reissued; " + CauseDownloadWindowMissed.Advice()
	}
	return msg + s.State.String()
}

// Status returns the state of the certificate of contract contractID at the
// instant at, for the generation current at at ([Service.GenerationAt] of
// l.Service): not issued yet (nothing recorded by at), awaiting download
// (mail sent, window open, CT-8, with the maintenance window if the site is
// down, CT-9), downloaded (a download recorded by at), or download window
// missed (the window closed at or before at with no download: final, CT-6).
// Asking about a past instant answers as of then, from what is recorded
// now.
//
// It returns an [*InputError] for an empty contractID, a zero at or an
// inconsistent l.Service, and the Store's error, wrapped, if it fails.
func (l *Ledger) Status(ctx context.Context, contractID string, at time.Time) (Status, error) {
	const fn = "Ledger.Status"
	switch {
	case contractID == "":
		return Status{}, inputError(fn, "empty contract ID")
	case at.IsZero():
		return Status{}, inputError(fn, "zero instant at")
	}
	if err := l.Service.check(fn); err != nil {
		return Status{}, err
	}
	list, err := l.store().Issuances(ctx, contractID)
	if err != nil {
		return Status{}, fmt.Errorf("contract: looking up contract %s: %w", strconv.Quote(contractID), err)
	}
	st := Status{ContractID: contractID, At: at, Generation: l.Service.GenerationAt(at), State: StateNotIssued}
	iss, ok := find(list, st.Generation)
	if !ok || at.Before(iss.At) {
		return st, nil
	}
	st.Deadline = DownloadDeadline(iss.At)
	switch {
	case !iss.Downloaded.IsZero() && !at.Before(iss.Downloaded):
		st.State = StateDownloaded
	case at.Before(st.Deadline):
		st.State = StateAwaitingDownload
		st.Maintenance, _ = l.Maintenance.At(at)
	default:
		st.State = StateWindowMissed
	}
	if st.State != StateDownloaded {
		iss.Downloaded = time.Time{}
	}
	st.Issuance = iss
	return st, nil
}

package contract

import (
	"time"

	"github.com/certlife/certlife/tz"
)

// downloadDays is the length of the download window in days (CT-8:
// "14 日間以内にダウンロード").
const downloadDays = 14

// DownloadDeadline returns the first instant at which the download URL of
// a mail sent at mailedAt no longer works (CT-8). The window is counted as
// RN-3 counts: the day of the mail, D in JST, is not counted, the last day
// is D+14, and the window is over at the end of that day, JST. A mail sent
// on 2026-05-11 at any time of day gives 2026-05-26T00:00:00+09:00; the
// URL works until 2026-05-25T23:59:59.999999999+09:00.
//
// The source counts from when the mail is received; the library takes the
// sending instant as the receipt, which is what a server can know. The
// result is in JST. A zero mailedAt gives the zero Time.
func DownloadDeadline(mailedAt time.Time) time.Time {
	if mailedAt.IsZero() {
		return time.Time{}
	}
	// CT-8 with Civil Code arts. 140-141: the day of the mail is not
	// counted; the period ends at the end of its 14th day.
	return tz.DaysAfter(tz.DateOf(mailedAt, tz.JST), downloadDays).EndIn(tz.JST)
}

// CanDownload reports whether the certificate whose download mail was sent
// at mailedAt can be downloaded at the instant at, with the site's
// maintenance schedule m. It returns nil when it can, and otherwise a
// [*DownloadError]:
//
//   - [ReasonNotYetMailed] when at is before mailedAt;
//   - [ReasonWindowClosed], matching [ErrWindowClosed], from
//     [DownloadDeadline] on (CT-8); this is final, since the certificate
//     is never reissued (CT-6);
//   - [ReasonMaintenance], matching [ErrMaintenance], while a maintenance
//     window is on (CT-9); the error carries the window and says when it
//     ends, and whether that is already past the deadline.
//
// It returns an [*InputError] for a zero mailedAt or at.
func CanDownload(mailedAt, at time.Time, m Maintenance) error {
	const fn = "CanDownload"
	switch {
	case mailedAt.IsZero():
		return inputError(fn, "zero instant mailedAt")
	case at.IsZero():
		return inputError(fn, "zero instant at")
	}
	deadline := DownloadDeadline(mailedAt)
	e := &DownloadError{MailedAt: mailedAt, At: at, Deadline: deadline}
	switch {
	case at.Before(mailedAt):
		e.Reason = ReasonNotYetMailed
		return e
	case !at.Before(deadline):
		e.Reason = ReasonWindowClosed
		return e
	}
	if w, ok := m.At(at); ok {
		e.Reason, e.Window = ReasonMaintenance, w
		return e
	}
	return nil
}

// A DownloadError reports why [CanDownload] refused a download.
type DownloadError struct {
	Reason Reason
	// ContractID and Generation name the certificate when
	// [Ledger.Download] refused it; [CanDownload] leaves them empty.
	ContractID string
	Generation Generation
	MailedAt   time.Time // when the download mail was sent; zero if never
	At         time.Time // the instant judged
	Deadline   time.Time // the first instant after the download window
	// Window is the maintenance window in effect at At, for
	// ReasonMaintenance; zero otherwise.
	Window Window
}

// Error returns, for example, "contract: cannot download at
// 2026-05-19T23:00:00+09:00: download site in maintenance until
// 2026-05-20T08:00:00+09:00; the download window closes at
// 2026-05-26T00:00:00+09:00".
func (e *DownloadError) Error() string {
	msg := "contract: cannot download at "
	if e.ContractID != "" {
		msg = "contract: cannot download the " + e.Generation.String() + " certificate of contract " + e.ContractID + " at "
	}
	msg += rfc3339(e.At) + ": " + e.Reason.String()
	switch e.Reason {
	case ReasonNotYetMailed:
		if e.MailedAt.IsZero() {
			msg += ": no certificate issued"
		} else {
			msg += ": mail sent at " + rfc3339(e.MailedAt)
		}
	case ReasonWindowClosed:
		msg += " at " + rfc3339(e.Deadline) + " (mail sent at " + rfc3339(e.MailedAt) +
			"); the certificate cannot be downloaded or reissued"
	case ReasonMaintenance:
		msg += " until " + rfc3339(e.Window.End)
		if e.Window.End.Before(e.Deadline) {
			msg += "; the download window closes at " + rfc3339(e.Deadline)
		} else {
			msg += ", which is after the download window closes at " + rfc3339(e.Deadline)
		}
	}
	return msg
}

// Is reports whether target is [ErrWindowClosed] or [ErrMaintenance] and
// matches e's reason.
func (e *DownloadError) Is(target error) bool {
	switch target {
	case ErrWindowClosed:
		return e.Reason == ReasonWindowClosed
	case ErrMaintenance:
		return e.Reason == ReasonMaintenance
	}
	return false
}

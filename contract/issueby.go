package contract

import (
	"time"

	"github.com/certlife/certlife/tz"
)

// issueBusinessDays is CT-7's "通常ご契約締結日から 5 営業日以内に発行".
const issueBusinessDays = 5

// The one-time rollout of CT-7: contracts signed by 2024-05-20 got their
// mails on 2024-05-27 to 2024-05-29.
func rolloutCutoff() tz.Date   { return tz.Date{Year: 2024, Month: time.May, Day: 20} }
func rolloutLastMail() tz.Date { return tz.Date{Year: 2024, Month: time.May, Day: 29} }

// IssueBy returns the day by which the certificate of a contract dated
// contractDate is issued, that is, its download mail sent (CT-7): the fifth
// business day of cal after the contract date, the contract date itself not
// counted. The contract date is the day the support certificate (サポート
// 証書) was delivered. For a contract dated Tuesday 2026-04-28 and the zero
// calendar it is 2026-05-11: 30 April and 1, 7, 8 and 11 May, skipping the
// Golden Week holidays and the weekends.
//
// cal decides the business days: its zero value closes weekends and
// Japanese national holidays (substitute and citizens' holidays included);
// the vendor's closing days are added with [tz.BusinessCalendar.With], most
// commonly [tz.YearEndClosing] (29 December to 3 January). The library
// does not assume them.
//
// Rollout: contracts dated on or before 2024-05-20 got their mails in one
// batch on 2024-05-27 to 2024-05-29, and IssueBy returns 2024-05-29 for
// them. The source says both "by 20 May" (rollout) and "from 20 May"
// (normal rule) for that day; IssueBy treats 20 May as the rollout, which
// gives 2024-05-29 where the normal rule would give 2024-05-27.
//
// "Normally" is the source's word: IssueBy is the promise, not a
// guarantee. An invalid or zero contractDate is an *[InputError]; the
// errors of [tz.BusinessCalendar.AddBusinessDays] (a date outside the
// known holidays, a calendar that closes every day) are returned as they
// are. On error the Date is the zero Date.
func IssueBy(contractDate tz.Date, cal tz.BusinessCalendar) (tz.Date, error) {
	if !contractDate.IsValid() {
		return tz.Date{}, inputError("IssueBy", "invalid contract date "+contractDate.String())
	}
	if !contractDate.After(rolloutCutoff()) {
		// CT-7: "2024 年 5 月 20 日までに…ご契約いただいたお客様には、
		// 2024 年 5 月 27日〜29 日頃に上記のメールを配信".
		return rolloutLastMail(), nil
	}
	return cal.AddBusinessDays(contractDate, issueBusinessDays)
}

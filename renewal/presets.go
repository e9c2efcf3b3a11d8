package renewal

import (
	"strconv"

	"github.com/certlife/certlife/tz"
)

// Preset names a CA whose renewal rules this package knows (RN-11). Its
// [Preset.Policy] is the CA's rules as read on its pages; each preset's
// documentation cites the page and the date it was read. CAs change these
// rules (every one of them changed them for the 200-day limit of
// 2026-03-15): check the source before relying on a preset, and build a
// [Policy] by hand for a CA not listed.
//
// The pages were read on 2026-12-01 from stored copies; where a page did
// not say something a field needs, the preset's documentation says what
// was assumed.
type Preset int

const (
	// SeedCA is the CA of the source FAQ (shared/seeds/server-id-faq.ja.txt,
	// "更新の申請はいつ頃する必要がありますか?"): a renewal is accepted
	// once 30 days have passed since the current certificate was issued
	// (RN-3), counted as civil days in JST. The FAQ says nothing of the
	// renewed certificate's lifetime or of carry-over: the preset gives
	// it the held certificate's lifetime within TV-6, and carries nothing
	// over. It is the default ([DefaultPolicy]).
	SeedCA Preset = iota + 1

	// JPRS is JPRS's server certificates (JPRSサーバー証明書), as sold
	// through JPDirect: renewal applications from the 1st of the month two
	// months before the expiry month, issuance from the 1st of the expiry
	// month ("有効期限の3カ月前(2カ月前の1日)から更新の申し込み…有効期限月に
	// なりましたら発行", https://jpdirect.jp/ssl/renew.html), and since
	// 2026-02-18 certificates valid "5 months after issue, to the end of
	// that month" (https://jprs.jp/pubcert/info/notice/20251127-certificate-shortened-validity-period.html
	// and its reseller notice https://faq.interlink.or.jp/faq2/View/wcDisplayContent.aspx?id=1435),
	// month ends counted in JST. Nothing is carried over: a renewal issued
	// on the 1st of the expiry month keeps the rest of that month through
	// the month-end rule. Read 2026-12-01. The ACME edition of JPRS's
	// service follows [ACME] instead.
	JPRS

	// SECOM is SECOM Trust Systems' セコムパスポート for Web: renewal
	// applications from 90 days before expiry, issuance only once fewer
	// than 30 days of the current certificate remain, and the remaining
	// validity added to the new term ("有効期限終了日までの期間をプラスして
	// 発行", "証明書の発行は、ご利用中の証明書の有効期限30日未満…になって
	// から", https://www.secomtrust.net/service/ninsyo/pfw/user/update,
	// read 2026-12-01). The page gives no lifetime under the 200-day limit
	// of 2026-03-15: the preset keeps the held certificate's lifetime,
	// carries all over, and lets TV-6 cut it (with a warning).
	SECOM

	// Cybertrust is Cybertrust Japan's SureServer / iTrust SSL/TLS:
	// renewal applications from 90 days before expiry ("更新申請は 90 日前
	// から可能", https://www.cybertrust.co.jp/sureserver/apply/sb-guide.html)
	// and since February 2026 certificates valid "from issue to the end of
	// the month 5 months later" ("発行日から5か月後の月末まで有効", the
	// reseller notice https://www.sakura.ad.jp/corporate/information/announcements/2025/12/18/1968222377;
	// Cybertrust's own page for the change was not found). Renewals are
	// assumed to follow the same rule, with nothing carried over. Read
	// 2026-12-01.
	Cybertrust

	// GlobalSign is GMO GlobalSign's SSL certificates: renewal
	// applications from 90 days before expiry
	// (https://jp.globalsign.com/service/ssl/order/renew), and from
	// 2026-03-14 a maximum of 199 days, a one-year contract giving two
	// certificates of 199 days
	// (https://jp.globalsign.com/support/ssl/certificates/about-199certificate.html,
	// last updated 2026-02-05; https://info-globalsign.com/news/20251215).
	// Renewals carry the remaining validity over ("214日+更新元証明書の
	// 残期間") up to the 199-day maximum. Read 2026-12-01.
	GlobalSign

	// DigiCert is DigiCert CertCentral's public TLS certificates: renewal
	// "as early as 90 days to 1 day before it expires", the remaining
	// validity transferred "as much as possible" without exceeding the
	// maximum
	// (https://docs.digicert.com/en/certcentral/manage-certificates/dv-certificate-enrollment/renewing-dv-certificates/renew-a-geotrust-wildcard-dv-certificate.html),
	// a maximum of 199 days since 2026-02-24
	// (https://docs.digicert.com/manage-certificates/end-2-year-public-ssl-certificates).
	// Days are counted in UTC, DigiCert being a US CA. Read 2026-12-01.
	DigiCert

	// ACME is an ACME CA (RFC 8555) such as Let's Encrypt: no wait, no
	// window; a renewal is an order like any other, and the new
	// certificate lasts what the CA's profile gives (Let's Encrypt:
	// "classic" 90 days, "shortlived" 160 hours,
	// https://letsencrypt.org/docs/profiles, last updated 2025-09-23, read
	// 2026-12-01): the preset keeps the held certificate's lifetime. Let
	// the CA's ARI window ([SuggestedWindow], RN-13) set the due instant
	// when it offers one.
	ACME
)

// Presets returns every preset, in the order of their declaration.
func Presets() []Preset {
	return []Preset{SeedCA, JPRS, SECOM, Cybertrust, GlobalSign, DigiCert, ACME}
}

// String returns the preset's name, such as "JPRS".
func (p Preset) String() string {
	switch p {
	case SeedCA:
		return "SeedCA"
	case JPRS:
		return "JPRS"
	case SECOM:
		return "SECOM"
	case Cybertrust:
		return "Cybertrust"
	case GlobalSign:
		return "GlobalSign"
	case DigiCert:
		return "DigiCert"
	case ACME:
		return "ACME"
	}
	return "Preset(" + strconv.Itoa(int(p)) + ")"
}

// Policy returns the preset's rules, a new value on every call. An
// unknown preset gives the zero Policy, which [Policy.Validate] refuses.
func (p Preset) Policy() Policy {
	switch p {
	case SeedCA:
		return Policy{Name: "SeedCA", Source: "shared/seeds/server-id-faq.ja.txt (RN-3)",
			Opens: When{AfterIssue, 30}, Term: Term{Unit: SameAsHeld}, Zone: tz.JST}
	case JPRS:
		return Policy{Name: "JPRS", Source: "https://jpdirect.jp/ssl/renew.html; https://jprs.jp/pubcert/info/notice/20251127-certificate-shortened-validity-period.html (read 2026-12-01)",
			Opens: When{FirstOfMonthBeforeExpiry, 2}, IssuedFrom: When{FirstOfMonthBeforeExpiry, 0},
			Term: Term{TermMonths, 5}, EndOfMonth: true, Zone: tz.JST}
	case SECOM:
		return Policy{Name: "SECOM", Source: "https://www.secomtrust.net/service/ninsyo/pfw/user/update (read 2026-12-01)",
			Opens: When{BeforeExpiry, 90}, IssuedFrom: When{FewerThanDaysLeft, 30},
			Term: Term{Unit: SameAsHeld}, CarryOver: CarryAll, Zone: tz.JST}
	case Cybertrust:
		return Policy{Name: "Cybertrust", Source: "https://www.cybertrust.co.jp/sureserver/apply/sb-guide.html; https://www.sakura.ad.jp/corporate/information/announcements/2025/12/18/1968222377 (read 2026-12-01)",
			Opens: When{BeforeExpiry, 90}, Term: Term{TermMonths, 5}, EndOfMonth: true, Zone: tz.JST}
	case GlobalSign:
		return Policy{Name: "GlobalSign", Source: "https://jp.globalsign.com/support/ssl/certificates/about-199certificate.html (read 2026-12-01)",
			Opens: When{BeforeExpiry, 90}, Term: Term{TermDays, 199}, CarryOver: CarryCapped, MaxDays: 199, Zone: tz.JST}
	case DigiCert:
		return Policy{Name: "DigiCert", Source: "https://docs.digicert.com/manage-certificates/end-2-year-public-ssl-certificates (read 2026-12-01)",
			Opens: When{BeforeExpiry, 90}, Term: Term{TermDays, 199}, CarryOver: CarryCapped, MaxDays: 199, Zone: tz.UTC}
	case ACME:
		return Policy{Name: "ACME", Source: "RFC 8555; https://letsencrypt.org/docs/profiles (read 2026-12-01)",
			Opens: When{AfterIssue, 0}, Term: Term{Unit: SameAsHeld}, Zone: tz.JST}
	}
	return Policy{}
}

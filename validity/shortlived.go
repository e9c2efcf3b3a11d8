package validity

import "time"

// Short-lived subscriber certificates (RN-12), as the Baseline Requirements
// define them in section 1.6.1 (ballot SC-063, in force from 2024-03-15;
// the 7-day bound from ballot SC-081): "For Certificates issued on or after
// 15 March 2024 and prior to 15 March 2026, a Subscriber Certificate with a
// Validity Period less than or equal to 10 days (864,000 seconds). For
// Certificates issued on or after 15 March 2026, a Subscriber Certificate
// with a Validity Period less than or equal to 7 days (604,800 seconds)."

// ShortLivedMax returns the longest validity period, as [Period.Length]
// measures it (notAfter - notBefore + 1 s), that the Baseline Requirements
// call short-lived for a certificate issued at issued (its notBefore):
// 10 days (864,000 s) before 2026-03-15 and 7 days (604,800 s) from
// 2026-03-15T00:00:00Z on. The BRs define the term only from 2024-03-15;
// for earlier certificates ShortLivedMax gives the 10-day bound all the
// same. A zero issued gives 0.
func ShortLivedMax(issued time.Time) time.Duration {
	switch {
	case issued.IsZero():
		return 0
	case issued.Before(utc(step200Days)): // 2026-03-15T00:00:00Z, as the 200-day step
		return 10 * 24 * time.Hour
	default:
		return 7 * 24 * time.Hour
	}
}

// ShortLived reports whether p is short-lived by the Baseline Requirements
// (RN-12): its length ([Period.Length], TV-3's inclusive measure) is at most
// [ShortLivedMax] of its NotBefore. A Let's Encrypt certificate of 160 hours
// is short-lived; one of exactly 7 days (notAfter = notBefore + 7×24 h) is
// one second too long when issued on or after 2026-03-15, and short-lived
// before. A Period that is not valid is not short-lived.
func ShortLived(p Period) bool {
	if !p.IsValid() {
		return false
	}
	return p.Length() <= ShortLivedMax(p.NotBefore)
}

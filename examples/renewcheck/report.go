package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
)

// report is the output; its JSON form is documented in the package
// comment.
type report struct {
	At       time.Time     `json:"at"`
	Policy   policyJSON    `json:"policy"`
	Windows  []string      `json:"windows"`
	Request  *requestJSON  `json:"request"`
	Held     []heldJSON    `json:"held"`
	CAs      []heldJSON    `json:"ca_certificates"`
	Decision *decisionJSON `json:"decision"`
	Plans    []planJSON    `json:"plans"`
	Pairing  *pairingJSON  `json:"pairing"`
	Skipped  []skipJSON    `json:"skipped"`
	// opensRule is the rule renewal opens by: "RN-3" (a wait after issue)
	// or "RN-11" (a window before expiry).
	opensRule string
}

type policyJSON struct {
	Preset  string `json:"preset"`
	Summary string `json:"summary"`
	Source  string `json:"source"`
}

type requestJSON struct {
	File       string `json:"file"`
	Subject    string `json:"subject"`
	CommonName string `json:"common_name"`
}

type heldJSON struct {
	Name      string    `json:"name"`
	Also      []string  `json:"also"`
	Subject   string    `json:"subject"`
	Serial    string    `json:"serial"`
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
	ARICertID string    `json:"ari_cert_id"`
}

type decisionJSON struct {
	Kind      string        `json:"kind"`
	Clause    string        `json:"clause"`
	Renews    string        `json:"renews"`
	Current   string        `json:"current"`
	OpensAt   *time.Time    `json:"opens_at"`
	Changed   []string      `json:"changed"`
	KeyReused bool          `json:"key_reused"`
	Warnings  []warningJSON `json:"warnings"`
	Message   string        `json:"message"`
}

type warningJSON struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

type planJSON struct {
	Certificate string        `json:"certificate"`
	Opens       *time.Time    `json:"opens"`
	Due         *time.Time    `json:"due"`
	DueRule     string        `json:"due_rule"`
	Deadline    *time.Time    `json:"deadline"`
	State       string        `json:"state"`
	Error       string        `json:"error"`
	ShortLived  bool          `json:"short_lived"`
	Next        *nextJSON     `json:"next"`
	NextMaxDays int           `json:"next_max_days"`
	NextLimit   string        `json:"next_limit"`
	ARI         *ariJSON      `json:"ari"`
	Warnings    []warningJSON `json:"warnings"`
	advice      string        // what to do when there is no schedule
}

type nextJSON struct {
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
	Days      int       `json:"days"`
	CappedBy  string    `json:"capped_by"`
}

type ariJSON struct {
	Start          time.Time `json:"start"`
	End            time.Time `json:"end"`
	ExplanationURL string    `json:"explanation_url"`
}

type pairingJSON struct {
	Pairs       []pairJSON `json:"pairs"`
	OrphanCerts []string   `json:"orphan_certificates"`
	OrphanKeys  []string   `json:"orphan_keys"`
	Unsupported []string   `json:"unsupported_keys"`
	NotRead     []string   `json:"encrypted_keys"`
	Diagnosis   string     `json:"diagnosis"`
	Advice      string     `json:"advice"`
	ok          bool       // every certificate has its key and every key its certificate
}

type pairJSON struct {
	Certificate string `json:"certificate"`
	Key         string `json:"key"`
}

type skipJSON struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

const jstLayout = "2006-01-02 15:04:05 MST"

// relative says how far t is from at: "in 3 days 01:00:00", "3 days
// 01:00:00 ago" or "now"; a day is 24 hours.
func relative(at, t time.Time) string {
	d := t.Sub(at).Truncate(time.Second)
	switch {
	case d == 0:
		return "now"
	case d > 0:
		return "in " + days(d)
	}
	return days(-d) + " ago"
}

func days(d time.Duration) string {
	s := int64(d / time.Second)
	unit := " days "
	if s/86400 == 1 {
		unit = " day "
	}
	return fmt.Sprintf("%d%s%02d:%02d:%02d", s/86400, unit, s/3600%24, s/60%60, s%60)
}

// stateText says what a plan's state asks for.
var stateText = map[string]string{
	"not_due":       "",
	"due":           "renewal is due: renew now",
	"no_schedule":   "",
	"past_deadline": "past the deadline: renew at once",
	"expired":       "expired: renew at once",
}

func (r *report) text(w *cli.Writer) {
	line := func(label, format string, a ...any) {
		fmt.Fprintf(w, "  %-13s "+format+"\n", append([]any{label}, a...)...)
	}
	fmt.Fprintf(w, "at %s\n", r.At.Format(jstLayout))
	fmt.Fprintf(w, "policy %s: %s (%s)\n", r.Policy.Preset, r.Policy.Summary, r.Policy.Source)
	if len(r.Windows) > 0 {
		fmt.Fprintf(w, "windows %s\n", strings.Join(r.Windows, ", "))
	}
	if r.Request != nil {
		fmt.Fprintf(w, "\nrequest %s\n", r.Request.File)
		line("subject", "%s", r.Request.Subject)
	}
	held := func(h heldJSON) {
		fmt.Fprintf(w, "  %s\n", h.Name)
		if len(h.Also) > 0 {
			line("", "also in %s", strings.Join(h.Also, ", "))
		}
		line("", "%s", h.Subject)
		line("", "serial %s, %s to %s", h.Serial, h.NotBefore.Format(jstLayout), h.NotAfter.Format(jstLayout))
		if h.ARICertID != "" {
			line("", "ARI id %s (RN-13)", h.ARICertID)
		}
	}
	fmt.Fprintf(w, "\nheld certificates: %d\n", len(r.Held))
	for _, h := range r.Held {
		held(h)
	}
	if len(r.CAs) > 0 {
		fmt.Fprintf(w, "\nCA certificates, not judged: %d\n", len(r.CAs))
		for _, h := range r.CAs {
			held(h)
		}
	}
	if d := r.Decision; d != nil {
		fmt.Fprintf(w, "\ndecision\n")
		switch d.Kind {
		case "too_early":
			line("kind", "refused: too early (%s)", d.Clause)
			line("opens", "%s: a renewal is accepted from then", d.OpensAt.Format(jstLayout))
			line("current", "%s", d.Current)
		default:
			line("kind", "%s (%s)", d.Kind, d.Clause)
			if d.Renews != "" {
				line("renews", "%s", d.Renews)
				line("opened", "%s (%s)", d.OpensAt.Format(jstLayout), r.opensRule)
			} else if d.Current != "" {
				line("current", "%s", d.Current)
			}
			if len(d.Changed) > 0 {
				line("changed", "%s (RN-4)", strings.Join(d.Changed, ", "))
			}
			if d.KeyReused {
				line("key", "reused from a held certificate: make a new key pair (RN-7)")
			} else {
				line("key", "new, not in any held certificate (RN-7)")
			}
		}
		for _, wn := range d.Warnings {
			line("warning", "%s: %s", wn.Code, wn.Detail)
		}
	}
	for _, p := range r.Plans {
		fmt.Fprintf(w, "\nplan for %s (RN-10)\n", p.Certificate)
		if p.State == "no_schedule" {
			line("no schedule", "%s", p.Error)
			line("now", "%s", p.advice)
			continue
		}
		line("opens", "%s, %s (%s)", p.Opens.Format(jstLayout), relative(r.At, *p.Opens), r.opensRule)
		if a := p.ARI; a != nil {
			url := ""
			if a.ExplanationURL != "" {
				url = "; " + a.ExplanationURL
			}
			line("ARI window", "%s to %s%s", a.Start.Format(jstLayout), a.End.Format(jstLayout), url)
		}
		line("due", "%s, %s (%s)", p.Due.Format(jstLayout), relative(r.At, *p.Due), p.DueRule)
		line("deadline", "%s, %s", p.Deadline.Format(jstLayout), relative(r.At, *p.Deadline))
		if s := stateText[p.State]; s != "" {
			line("now", "%s", s)
		}
		if p.ShortLived {
			line("short-lived", "yes (BR 1.6.1): no revocation information, so a missed renewal is an outage (RN-12)")
		}
		if n := p.Next; n != nil {
			cut := ""
			if n.CappedBy != "" {
				cut = ", cut by the " + n.CappedBy
			}
			line("next", "%s to %s, %d days%s (RN-11)", n.NotBefore.Format(jstLayout), n.NotAfter.Format(jstLayout), n.Days, cut)
		}
		if p.NextMaxDays > 0 {
			line("next max", "%d days (%s)", p.NextMaxDays, p.NextLimit)
		}
		for _, wn := range p.Warnings {
			line("warning", "%s: %s", wn.Code, wn.Detail)
		}
	}
	if p := r.Pairing; p != nil {
		fmt.Fprintf(w, "\nkeys (RN-8)\n")
		for _, pr := range p.Pairs {
			line("pair", "%s <- %s", pr.Certificate, pr.Key)
		}
		for _, c := range p.OrphanCerts {
			line("orphan cert", "%s: no key belongs to it", c)
		}
		for _, k := range p.OrphanKeys {
			line("orphan key", "%s: belongs to no certificate", k)
		}
		for _, k := range p.Unsupported {
			line("unsupported", "%s", k)
		}
		for _, k := range p.NotRead {
			line("not read", "%s: encrypted", k)
		}
		line("diagnosis", "%s", p.Advice)
	}
}

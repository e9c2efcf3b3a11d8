package renewal

import (
	"errors"
	"strings"
	"testing"
)

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name string
		p    Policy
		want bool // valid
	}{
		{name: "RN-11 the zero Policy is invalid, not a default", p: Policy{}},
		{name: "RN-3 SeedCA is valid", p: SeedCA.Policy(), want: true},
		{name: "RN-11 a wait of zero days is valid and means zero", p: with(func(p *Policy) { p.Opens.N = 0 }), want: true},
		{name: "RN-3 a negative wait is invalid", p: with(func(p *Policy) { p.Opens.N = -1 })},
		{name: "RN-11 a wait of 2^63-1 days is invalid", p: with(func(p *Policy) { p.Opens.N = 1<<63 - 1 })},
		{name: "RN-11 FewerThanDaysLeft 0 is invalid", p: with(func(p *Policy) { p.IssuedFrom = When{FewerThanDaysLeft, 0} })},
		{name: "RN-11 an IssuedFrom with N but no rule is invalid", p: with(func(p *Policy) { p.IssuedFrom = When{N: 3} })},
		{name: "RN-11 no Term is invalid", p: with(func(p *Policy) { p.Term = Term{} })},
		{name: "RN-11 a Term of 0 days is invalid", p: with(func(p *Policy) { p.Term = Term{TermDays, 0} })},
		{name: "RN-11 a Term of 1201 months is invalid", p: with(func(p *Policy) { p.Term = Term{TermMonths, 1201} })},
		{name: "RN-11 a negative CA maximum is invalid", p: with(func(p *Policy) { p.MaxDays = -1 })},
		{name: "RN-11 an unknown carry-over is invalid", p: with(func(p *Policy) { p.CarryOver = 9 })},
		{name: "RN-3 an unknown counting is invalid", p: with(func(p *Policy) { p.Counting = 7 })},
		{name: "RN-11 an unknown rule is invalid", p: with(func(p *Policy) { p.Opens.Rule = 99 })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			var e *Error
			switch {
			case tt.want && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case !tt.want && (!errors.As(err, &e) || e.Reason != ReasonBadPolicy):
				t.Errorf("Validate() = %v, want ReasonBadPolicy", err)
			}
		})
	}
}

// TestPresets checks that every preset is valid and cites a source with
// the date it was read (RN-11).
func TestPresets(t *testing.T) {
	for _, pr := range Presets() {
		p := pr.Policy()
		if err := p.Validate(); err != nil {
			t.Errorf("RN-11 %v: %v", pr, err)
		}
		if p.Name != pr.String() || p.Source == "" || (pr != SeedCA && pr != ACME && !strings.Contains(p.Source, "read 2026-12-01")) {
			t.Errorf("RN-11 %v: name %q, source %q", pr, p.Name, p.Source)
		}
	}
	if err := Preset(0).Policy().Validate(); err == nil {
		t.Error("RN-11 an unknown preset gives a valid policy")
	}
}

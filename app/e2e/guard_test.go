package e2e_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// axNode is a node of the page's accessibility tree as a screen reader
// gets it: its role, its name and its description.
type axNode struct{ role, name, description string }

// axNodes reads the page's accessibility tree.
func (p *tab) axNodes() []axNode {
	p.t.Helper()
	var nodes []axNode
	p.do("read the accessibility tree", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		res, err := cdp.Call(ctx, t, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return err
		}
		text := func(v *accessibility.Value) string {
			var s string
			if v != nil {
				json.Unmarshal(v.Value, &s)
			}
			return s
		}
		for _, n := range res.Nodes {
			if !n.Ignored {
				nodes = append(nodes, axNode{role: text(n.Role), name: text(n.Name), description: text(n.Description)})
			}
		}
		return nil
	}))
	return nodes
}

// axFind returns the first node of the role whose name holds name.
func axFind(nodes []axNode, role, name string) (axNode, bool) {
	for _, n := range nodes {
		if n.role == role && strings.Contains(n.name, name) {
			return n, true
		}
	}
	return axNode{}, false
}

// TestGuardInTheBrowser: minutes that name someone are held back with a
// warning a screen reader announces and reads with the field; "Pseudonymise
// for me" is used by keyboard alone and puts the pseudonymised text in the
// editor to read over, saving nothing until Save. In a form on the plan
// page, the confirmation is ticked by keyboard and Enter saves.
func TestGuardInTheBrowser(t *testing.T) {
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		h := startHavenstad(t, db)
		b := newBrowser(t)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		p.goToMeeting(h.meetingPath(t, model.MeetingCaseConf))
		item := eval[string](p, `document.querySelector("li.schakel-agenda-item:not(.schakel-agenda-item--casus)").dataset.id`)
		notes := "#fi-" + item + "-notes"
		stored, err := store.Item(context.Background(), db, h.workspace, mustID(t, item))
		if err != nil {
			t.Fatal(err)
		}
		before := stored.Notes

		p.click("#edit-item-" + item + "-notes")
		p.waitVisible(notes)
		p.do("type minutes that name a member", chromedp.Focus(chromedp.CSS(notes)),
			chromedp.Evaluate[chromedp.Void]("document.activeElement.value = ''"),
			chromedp.KeyEvent("Sanne Jansen belt de school en de ouders."))
		p.click("#item-" + item + "-notes .schakel-field__buttons button[type=submit]")
		p.waitText(notes+"-guard[role=alert]", nl("textguard.kind.name"))

		t.Run("a screen reader hears the warning, masked, with the field", func(t *testing.T) {
			p := p.in(t)
			field, ok := axFind(p.axNodes(), "textbox", nl("agenda.field.notes"))
			if !ok {
				t.Fatal("the minutes' text box is not in the accessibility tree")
			}
			for _, want := range []string{nl("textguard.warning"), nl("textguard.kind.name"), "S••••••••••n"} {
				if !strings.Contains(field.description, want) {
					t.Errorf("the text box's description %q does not say %q", field.description, want)
				}
			}
			if strings.Contains(field.description, "Sanne") {
				t.Errorf("the description says the name: %q", field.description)
			}
			if _, ok := axFind(p.axNodes(), "button", nl("textguard.pseudonymise")); !ok {
				t.Error("no button to pseudonymise")
			}
			if _, ok := axFind(p.axNodes(), "checkbox", nl("textguard.confirm")); !ok {
				t.Error("no confirmation to tick")
			}
			p.checkAccessibility("a warning of the privacy guard")
			p.colorScheme("dark")
			p.checkColours("a warning of the privacy guard (dark)")
			p.colorScheme("light")
		})

		t.Run("pseudonymise by keyboard, read over, then save", func(t *testing.T) {
			p := p.in(t)
			p.do("focus the minutes", chromedp.Focus(chromedp.CSS(notes)))
			p.press("\t")
			if got := eval[string](p, "document.activeElement.getAttribute('name') || ''"); got != "pseudonymise" {
				t.Fatalf("Tab from the text leads to %q, want the pseudonymise button", got)
			}
			p.press(" ")
			p.until("the pseudonymised minutes in the editor", `document.querySelector(`+js(notes)+`) && document.querySelector(`+js(notes)+`).value.startsWith("jongere A belt")`)
			p.waitText(notes+"-guard[role=status]", "jongere A")
			if id := p.focusedID(); id != notes[1:] {
				t.Errorf("the focus is on %q, want the text to read over", id)
			}
			if field, _ := axFind(p.axNodes(), "textbox", nl("agenda.field.notes")); !strings.Contains(field.description, "jongere A") {
				t.Errorf("the text box's description %q does not say what was replaced", field.description)
			}
			it, err := store.Item(context.Background(), db, h.workspace, mustID(t, item))
			if err != nil || it.Notes != before {
				t.Fatalf("pseudonymising saved %q (%v), want it as it was", it.Notes, err)
			}
			p.checkAccessibility("a pseudonymised text to read over")
			p.press("\t")
			if got := eval[string](p, "document.activeElement.textContent"); !strings.Contains(got, nl("actions.save")) {
				t.Fatalf("Tab from the text leads to %q, want Save", got)
			}
			p.press("\r")
			p.waitText("#item-"+item+"-notes .schakel-field__value", "jongere A belt de school en de ouders.")
		})

		t.Run("confirm by keyboard in a form, Enter saves", func(t *testing.T) {
			p := p.in(t)
			p.goToPlan(h.planPath(""))
			p.fill("#action-add #f-title", "Gesprek met Sanne Jansen over de aanpak")
			p.press("\r")
			p.waitText("#f-title-guard[role=alert]", nl("textguard.kind.name"))
			if got := p.text("#action-add .schakel-alert"); got != nl("textguard.summary") {
				t.Errorf("the form's summary says %q, want %q: nothing was filled in wrongly", got, nl("textguard.summary"))
			}
			p.checkAccessibility("a form held back by the privacy guard")
			p.do("focus the confirmation", chromedp.Focus(chromedp.CSS("#f-title-confirm")))
			p.press(" ")
			p.do("back to the title", chromedp.Focus(chromedp.CSS("#action-add #f-title")))
			p.press("\r")
			p.waitText("#plan-board", "Gesprek met Sanne Jansen over de aanpak")
			var lines []model.AuditEntry
			eventually(t, "the confirmation in the audit log", func() bool {
				err := db.NewSelect().Model(&lines).Where("event = ?", model.AuditGuardConfirmed).Scan(context.Background())
				return err == nil && len(lines) == 1
			})
			if lines[0].Detail != "name" || lines[0].Object != model.AuditObjectAction {
				t.Fatalf("audit %+v", lines[0])
			}
		})
	})
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("not an id: %q", s)
		}
		n = n*10 + int64(r-'0')
	}
	return n
}

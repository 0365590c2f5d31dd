package e2e_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"schakel/app/model"
	"schakel/app/testkit"
)

// screenshotsEnv set to 1 makes TestScreenshots write docs/screenshots.
const screenshotsEnv = "SCHAKEL_SCREENSHOTS"

// TestScreenshots photographs the main screens for the README, with the
// demo data: sign-in, a workspace, a plan with two people on it, an action
// and the plan on a phone. It writes them only when asked, so that a test
// run leaves the repository as it was.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	if os.Getenv(screenshotsEnv) != "1" {
		t.Skip("set " + screenshotsEnv + "=1 to write docs/screenshots")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	h := startHavenstad(t, testkit.NewDB(t, "sqlite"))
	visitor, annaPage, moPage := b.open(h.env, "visitor"), b.open(h.env, "anna"), b.open(h.env, "mo")
	annaPage.signedIn(anna)
	moPage.signedIn(mo)
	a := h.actions[0]

	shots := []struct {
		file string
		page *tab
		show func(p *tab)
	}{
		{"sign-in.png", visitor, func(p *tab) { p.goTo("/login") }},
		{"workspace.png", annaPage, func(p *tab) { p.goTo(h.workspacePath()) }},
		{"plan-live.png", annaPage, func(p *tab) {
			// Mo looks at the plan too, and is editing a title.
			moPage.goToPlan(h.planPath(""))
			p.goToPlan(h.planPath(""))
			moPage.openField(h.actions[1].ID, "title")
			p.waitText("#presence-viewers", nameOf(t, h, mo))
			p.waitText("#presence-"+itoa(h.actions[1].ID)+"-title", nameOf(t, h, mo))
		}},
		{"action.png", annaPage, func(p *tab) { p.goTo(h.actionPath(a.ID)) }},
		{"plan-phone.png", annaPage, func(p *tab) {
			p.viewport(375, 812, true)
			p.goToPlan(h.planPath(""))
			p.waitText("#presence-viewers", nameOf(t, h, anna))
		}},
		{"accessibility.png", visitor, func(p *tab) { p.goTo("/toegankelijkheid") }},
		{"meeting-live.png", annaPage, func(p *tab) {
			// Mo follows the training's agenda; the chair is at item 2.
			path := h.meetingPath(t, model.MeetingTraining)
			moPage.goToMeeting(path)
			p.goToMeeting(path)
			p.waitText("#presence-viewers", nameOf(t, h, mo))
		}},
		{"meeting-mode.png", annaPage, func(p *tab) {
			p.viewport(1920, 1080, false)
			p.goToMeeting(h.meetingPath(t, model.MeetingCaseConf) + "?mode=present")
		}},
	}
	for _, s := range shots {
		t.Run(s.file, func(t *testing.T) {
			p := s.page.in(t)
			p.colorScheme("light")
			s.show(p)
			png := run(p, "screenshot", chromedp.FullScreenshot(100))
			if err := os.WriteFile(filepath.Join(dir, s.file), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

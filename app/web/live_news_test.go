package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"schakel/app/testkit"
)

// TestLiveNewsNamesWhoChangedWhat checks the sentence a plan page reads out
// in its polite live region: who changed which action, and how, marked
// with the author so that their own pages keep quiet.
func TestLiveNewsNamesWhoChangedWhat(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	live, a, ws := livePlan(t, env)
	anna := env.Client(t)
	anna.SignIn(coordinator)
	mo := env.Client(t)
	mo.SignIn(editor)
	moLive, _ := mo.DialLive(live)
	annaID := strconv.FormatInt(userByEmail(t, env.DB, coordinator).ID, 10)

	tests := []struct {
		name   string
		change func()
		want   string
	}{
		{"a new title", func() { editTitle(t, anna, ws, a, "Training signalen herkennen voor scholen") },
			"Anna de Vries heeft „Training signalen herkennen voor scholen” gewijzigd: titel."},
		{"a deleted action", func() {
			if r := anna.PostHTMX(wsPath(ws, "/actions/"+itoa(a.ID)+"/delete"), url.Values{}); r.Status != http.StatusOK {
				t.Fatalf("delete: %d", r.Status)
			}
		}, "Anna de Vries heeft „Training signalen herkennen voor scholen” verwijderd."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			doc := moLive.AwaitDoc("news of "+tt.name, func(d *goquery.Document) bool { return d.Find("#live-news").Length() > 0 })
			news := doc.Find("#live-news")
			if got := news.Text(); got != tt.want {
				t.Errorf("news %q, want %q", got, tt.want)
			}
			if by, _ := news.Attr("data-by"); by != annaID {
				t.Errorf("news by %q, want Anna (%s)", by, annaID)
			}
			if oob, _ := news.Attr("hx-swap-oob"); oob != "true" {
				t.Errorf("news is not swapped out of band: hx-swap-oob=%q", oob)
			}
		})
	}
}

package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/store"
	"schakel/app/testkit"
)

// groupLabels are the headings of a select's groups of options.
func groupLabels(sel *goquery.Selection) []string {
	var out []string
	sel.Find("optgroup").Each(func(_ int, g *goquery.Selection) { out = append(out, g.AttrOr("label", "")) })
	return out
}

// TestOrganisationPickersPutTheRegionFirst opens every picker of
// organisations: in a workspace those of its region come first, in the
// administration every region has its group.
func TestOrganisationPickersPutTheRegionFirst(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		lindendal := workspaceID(t, db, "Lindendal")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		pieter := env.Client(t)
		pieter.SignIn(outsider)
		administrator := env.Client(t)
		administrator.SignIn(admin)
		plans, err := store.Plans(ctx, db, ws)
		if err != nil {
			t.Fatal(err)
		}
		actions, err := store.Actions(ctx, db, ws, plans[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		meetings, err := store.Meetings(ctx, db, ws)
		if err != nil {
			t.Fatal(err)
		}
		havenstad := []string{"In deze regio (Kustland)", "Overige organisaties"}
		for _, tt := range []struct {
			name   string
			client *testkit.Client
			path   string
			picker string
			want   []string
		}{
			{"invitation", anna, wsPath(ws, "/members"), "#invite #f-organisation", havenstad},
			{"invitation in another region", pieter, wsPath(lindendal, "/members"), "#invite #f-organisation", []string{"In deze regio (Lindendal)", "Overige organisaties"}},
			{"guest of a meeting", anna, wsPath(ws, "/meetings/"+itoa(meetings[0].ID)), "#guest-invite #f-organisation", havenstad},
			{"owner of an action", anna, wsPath(ws, "/actions/"+itoa(actions[0].ID)), `form[action$="/fields/owner_organisation"] select`, havenstad},
			{"owner of an action agreed at a meeting", anna, wsPath(ws, "/meetings/"+itoa(meetings[0].ID)), "select[name=owner_organisation]", havenstad},
			{"account", administrator, "/admin/accounts", "#f-organisation", []string{"Kustland", "Lindendal", "Overige organisaties"}},
			{"workspace with its coordinator", administrator, "/admin/workspaces/new", "#f-organisation", []string{"Kustland", "Lindendal", "Overige organisaties"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := tt.client.Get(tt.path)
				if r.Status != http.StatusOK {
					t.Fatalf("status %d", r.Status)
				}
				sel := r.Doc.Find(tt.picker).First()
				if sel.Length() == 0 {
					t.Fatalf("no picker %s", tt.picker)
				}
				if got := groupLabels(sel); strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Fatalf("groups %q, want %q", got, tt.want)
				}
				first := strings.Join(optionTexts(sel.Find("optgroup").First()), "|")
				if tt.want[0] == havenstad[0] && (!strings.Contains(first, "Veilig Thuis Kustland") || strings.Contains(first, "Defence for Children")) {
					t.Errorf("the region's group holds %q", first)
				}
			})
		}
	})
}

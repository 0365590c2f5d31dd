package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
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

func TestAdministratorSetsRegions(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		brug, err := store.OrganisationByName(ctx, db, "Jeugdhulp De Brug")
		if err != nil {
			t.Fatal(err)
		}
		c := env.Client(t)
		c.SignIn(admin)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		inRegion := func() string {
			return strings.Join(optionTexts(anna.Get(wsPath(ws, "/members")).Doc.Find("#invite #f-organisation optgroup").First()), "|")
		}
		if strings.Contains(inRegion(), "Jeugdhulp De Brug") {
			t.Fatal("De Brug is in Kustland before it was put there")
		}

		page := c.Get("/admin/organisations")
		if v, _ := page.Doc.Find("#region-org-" + itoa(brug.ID)).Attr("value"); v != "" {
			t.Fatalf("De Brug shows region %q", v)
		}
		regions := count(t, db, (*model.Region)(nil))
		r := c.Post("/admin/organisations/"+itoa(brug.ID)+"/region", url.Values{"region": {" kustland "}})
		if r.Status != http.StatusSeeOther || r.Location() != "/admin/organisations?notice=region_saved" {
			t.Fatalf("set the region: %d to %q", r.Status, r.Location())
		}
		if count(t, db, (*model.Region)(nil)) != regions {
			t.Fatal("a region typed in other capitals was made again")
		}
		if got := c.Get("/admin/organisations").Doc.Find("#region-org-"+itoa(brug.ID)).AttrOr("value", ""); got != "Kustland" {
			t.Fatalf("De Brug's region shows %q", got)
		}
		if !strings.Contains(inRegion(), "Jeugdhulp De Brug") {
			t.Fatal("Havenstad's picker does not put De Brug in its region")
		}

		c.Get("/admin/workspaces")
		if r := c.Post("/admin/workspaces/"+itoa(ws)+"/region", url.Values{"region": {""}}); r.Status != http.StatusSeeOther {
			t.Fatalf("clear the workspace's region: %d", r.Status)
		}
		if n := anna.Get(wsPath(ws, "/members")).Doc.Find("#invite #f-organisation optgroup").Length(); n != 0 {
			t.Fatalf("a workspace without a region groups its picker in %d", n)
		}

		c.Get("/admin/workspaces")
		r = c.Post("/admin/workspaces/"+itoa(ws)+"/region", url.Values{"region": {strings.Repeat("r", 201)}})
		if r.Status != http.StatusUnprocessableEntity || r.Text("#region-ws-"+itoa(ws)+"-error") != "Dit is te lang. Maak het korter." {
			t.Fatalf("an oversized region: %d %q", r.Status, r.Text("#region-ws-"+itoa(ws)+"-error"))
		}
		if r := c.Post("/admin/workspaces/999999/region", url.Values{"region": {"Kustland"}}); r.Status != http.StatusNotFound {
			t.Fatalf("a workspace that does not exist: %d", r.Status)
		}
		anna.Get("/workspaces")
		for _, p := range []string{"/admin/workspaces/" + itoa(ws) + "/region", "/admin/organisations/" + itoa(brug.ID) + "/region"} {
			if r := anna.Post(p, url.Values{"region": {"Elders"}}); r.Status != http.StatusForbidden {
				t.Errorf("a coordinator sets a region at %s: %d", p, r.Status)
			}
		}
	})
}

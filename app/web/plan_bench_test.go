package web

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// BenchmarkPlanPage renders the plan page component for a coordinator,
// with a plan of 200 (and 1,000) actions filled in as people fill them in,
// apart from HTTP and the database: what one request costs in templ, with
// the rows rendered and with the rows kept by the board cache. It reports
// the page's size too.
//
//	go test ./app/web -run '^$' -bench BenchmarkPlanPage -benchmem
func BenchmarkPlanPage(b *testing.B) {
	msgs, err := i18n.Load()
	if err != nil {
		b.Fatal(err)
	}
	ctx := i18n.NewContext(context.Background(), msgs.Translator("nl"))
	for _, n := range []int{200, 1000} {
		for _, kept := range []bool{false, true} {
			name := fmt.Sprintf("%d actions", n)
			if kept {
				name += ", rows kept"
			}
			b.Run(name, func(b *testing.B) {
				d := benchmarkBoard(n)
				if kept {
					// What a request costs when the board cache has the rows.
					rows, err := views.Rendered(ctx, views.PlanSections(d))
					if err != nil {
						b.Fatal(err)
					}
					d.Sections = rows
				}
				var buf bytes.Buffer
				b.ReportAllocs()
				for b.Loop() {
					buf.Reset()
					if err := views.PlanPage(d).Render(ctx, &buf); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(buf.Len())/1024, "KiB/page")
			})
		}
	}
}

// benchmarkBoard is the page of a plan with n actions spread over the
// themes, each with an owner organisation and owner, a due date, a status
// and progress, as a coordinator sees it.
func benchmarkBoard(n int) views.PlanBoardPage {
	w := &model.Workspace{ID: 1, Name: "Regio Kustland"}
	p := &model.Plan{ID: 2, WorkspaceID: 1, Title: "Regionaal actieplan", Status: model.PlanAdopted, Framework: model.FrameworkPillars, Version: 3}
	orgs := []model.Organisation{{ID: 1, Name: "Gemeente Havenstad"}, {ID: 2, Name: "Politie Kustland – AVIM"}, {ID: 3, Name: "Veilig Thuis Kustland"}}
	users := []*model.User{{ID: 1, Name: "Anna de Vries"}, {ID: 2, Name: "Mo Bakker"}, {ID: 3, Name: "Sanne Jansen"}}
	statuses := model.ActionStatuses
	themes := p.Framework.Themes()
	actions := make([]model.Action, n)
	for i := range actions {
		st := statuses[i%len(statuses)]
		org, owner := orgs[i%len(orgs)], users[i%len(users)]
		actions[i] = model.Action{
			ID: int64(i + 1), WorkspaceID: 1, PlanID: 2, Version: 4, Position: float64(i),
			Title: fmt.Sprintf("Actie %d: signalen van uitbuiting herkennen en melden", i+1),
			Theme: themes[i%len(themes)], Status: st, Progress: st.DefaultProgress(),
			DueDate:             fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28),
			OwnerOrganisationID: &org.ID, OwnerOrganisation: &orgs[i%len(orgs)],
			OwnerUserID: &owner.ID, OwnerUser: owner,
			Rights: "3,34", Description: "Met de partners in de regio afspreken wie wat doet.",
		}
	}
	board := service.BuildBoard(p, actions, users[0], service.ActionFilter{})
	return views.PlanBoardPage{
		Workspace: w, Board: board, Organisations: orgs, CanEdit: true, CanManage: true,
		Add: views.ActionAdd{Plan: p},
	}
}

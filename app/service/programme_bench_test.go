package service_test

import (
	"context"
	"testing"

	"schakel/app/authz"
	"schakel/app/demo"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// BenchmarkProgrammeOverview reads the programme overview and the reach
// over every Dutch municipality's worth of workspaces (342, with 60
// actions and 12 meetings each) on each database, as a reviewer: the
// service's part of GET /programme, without HTTP and rendering.
func BenchmarkProgrammeOverview(b *testing.B) {
	for _, dialect := range testkit.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			ctx := context.Background()
			db := testkit.NewDB(b, dialect)
			if err := demo.Seed(ctx, db, testkit.FastHashing); err != nil {
				b.Fatal(err)
			}
			if err := demo.SeedProgrammeBench(ctx, db, demo.BenchMunicipalities, testkit.FastHashing); err != nil {
				b.Fatal(err)
			}
			az, err := authz.New(db)
			if err != nil {
				b.Fatal(err)
			}
			svc := service.New(db, az, nil)
			lotte, err := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
			if err != nil {
				b.Fatal(err)
			}
			year := service.CurrentYear()
			b.Run("overview", func(b *testing.B) {
				for b.Loop() {
					o, err := svc.ProgrammeOverview(ctx, lotte, year, service.ProgrammeFilter{}, service.ProgrammeSort{Column: "progress", Desc: true})
					if err != nil || len(o.Rows) < demo.BenchMunicipalities {
						b.Fatalf("%v, %d rows", err, len(o.Rows))
					}
				}
			})
			b.Run("reach", func(b *testing.B) {
				for b.Loop() {
					if _, err := svc.ProgrammeReach(ctx, lotte, year); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

package authz_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
	"schakel/policies"
)

// population fills db with workspaces × members per workspace: the first
// member of each workspace its coordinator, the others editors,
// contributors and viewers in turn; and one reviewer. It returns the
// workspaces' ids and the users' ids per workspace.
func population(t testing.TB, db *bun.DB, workspaces, members int) ([]int64, [][]int64, int64) {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	org := &model.Organisation{Name: "Gemeente Voorbeeld", Kind: model.OrgMunicipality, CreatedAt: now}
	if err := store.CreateOrganisation(ctx, db, org); err != nil {
		t.Fatal(err)
	}
	ws := make([]model.Workspace, workspaces)
	for i := range ws {
		ws[i] = model.Workspace{Name: fmt.Sprintf("Werkruimte %d", i), Kind: model.WorkspaceMunicipality, CreatedAt: now}
	}
	if _, err := db.NewInsert().Model(&ws).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	users := make([]model.User, workspaces*members+1)
	for i := range users {
		users[i] = model.User{Email: fmt.Sprintf("u%d@voorbeeld.example", i), Name: fmt.Sprintf("Persoon %d", i),
			PasswordHash: "x", OrganisationID: org.ID, Locale: "nl", CreatedAt: now, UpdatedAt: now}
	}
	users[len(users)-1].PlatformRole = model.PlatformReviewer
	for i := 0; i < len(users); i += 1000 {
		chunk := users[i:min(i+1000, len(users))]
		if _, err := db.NewInsert().Model(&chunk).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	roles := []model.Role{model.RoleEditor, model.RoleContributor, model.RoleViewer}
	var ms []model.Membership
	ids := make([]int64, workspaces)
	byWorkspace := make([][]int64, workspaces)
	for w := range ws {
		ids[w] = ws[w].ID
		for j := 0; j < members; j++ {
			u := users[w*members+j]
			role := model.RoleCoordinator
			if j > 0 {
				role = roles[j%len(roles)]
			}
			ms = append(ms, model.Membership{WorkspaceID: ws[w].ID, UserID: u.ID, Role: role, CreatedAt: now})
			byWorkspace[w] = append(byWorkspace[w], u.ID)
		}
	}
	for i := 0; i < len(ms); i += 1000 {
		chunk := ms[i:min(i+1000, len(ms))]
		if _, err := db.NewInsert().Model(&chunk).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	return ids, byWorkspace, users[len(users)-1].ID
}

// TestRulesFollowMemberships changes one account's memberships, role and
// state, and asks after each change what that account may do, and
// whether the decisions cached for someone else were kept.
func TestRulesFollowMemberships(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		ws, members, reviewer := population(t, db, 3, 4)
		a, err := authz.New(db)
		if err != nil {
			t.Fatal(err)
		}
		anna, other := members[0][0], members[1][0] // coordinators of the first two workspaces
		mo := members[0][1]                         // an editor in the first
		otherAsked := a.CanUser(other, ws[1], authz.ObjMembers, authz.ActManage)
		if !otherAsked {
			t.Fatal("a coordinator may not manage their own workspace's members")
		}
		steps := []struct {
			name   string
			change func(t *testing.T)
			user   int64
			ws     int64
			obj    string
			act    string
			want   bool
		}{
			{"coordinator manages members", nil, anna, ws[0], authz.ObjMembers, authz.ActManage, true},
			{"coordinator does not read a foreign workspace", nil, anna, ws[2], authz.ObjWorkspace, authz.ActRead, false},
			{"reviewer reads every workspace", nil, reviewer, ws[2], authz.ObjPlan, authz.ActRead, true},
			{"reviewer never reads case material", nil, reviewer, ws[2], authz.ObjCasus, authz.ActRead, false},
			{"editor does not manage members", nil, mo, ws[0], authz.ObjMembers, authz.ActManage, false},
			{"made coordinator, manages members", func(t *testing.T) {
				exec(t, db, "UPDATE memberships SET role = ? WHERE user_id = ? AND workspace_id = ?", model.RoleCoordinator, mo, ws[0])
			}, mo, ws[0], authz.ObjMembers, authz.ActManage, true},
			{"invited to another workspace, reads it", func(t *testing.T) {
				exec(t, db, "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)", ws[2], mo, model.RoleViewer, time.Now().UTC())
			}, mo, ws[2], authz.ObjWorkspace, authz.ActRead, true},
			{"removed from the first, reads it no more", func(t *testing.T) {
				exec(t, db, "DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?", mo, ws[0])
			}, mo, ws[0], authz.ObjWorkspace, authz.ActRead, false},
			{"disabled, reads nothing", func(t *testing.T) {
				exec(t, db, "UPDATE users SET disabled_at = ? WHERE id = ?", time.Now().UTC(), mo)
			}, mo, ws[2], authz.ObjWorkspace, authz.ActRead, false},
		}
		for _, st := range steps {
			t.Run(st.name, func(t *testing.T) {
				// Ask first, so that a stale decision would be in the cache.
				before := a.CanUser(st.user, st.ws, st.obj, st.act)
				if st.change != nil {
					st.change(t)
					changed, err := a.SyncUser(ctx, st.user)
					if err != nil {
						t.Fatal(err)
					}
					if !changed {
						t.Error("SyncUser saw no change")
					}
				}
				if got := a.CanUser(st.user, st.ws, st.obj, st.act); got != st.want {
					t.Errorf("may %s %s in workspace %d: %v, want %v (before the change: %v)", st.obj, st.act, st.ws, got, st.want, before)
				}
				if !a.Cached(authz.Subject(other), authz.Domain(ws[1]), authz.ObjMembers, authz.ActManage) {
					t.Error("someone else's cached decision was dropped")
				}
				sameAsTheMatcher(t, a, ws, members, reviewer, mo)
			})
		}
		t.Run("a full reload changes nothing that is in line", func(t *testing.T) {
			if err := a.Reload(); err != nil {
				t.Fatal(err)
			}
			if changed, err := a.SyncUser(ctx, anna); err != nil || changed {
				t.Errorf("after a reload, an account's rules were out of line (changed %v, %v)", changed, err)
			}
		})
	})
}

// sameAsTheMatcher asks every question of every account in every
// workspace and on the platform both ways: in two steps as Schakel does
// (roles, then what the roles may) and through the model's matcher over
// all rules at once. The answers must be the same.
func sameAsTheMatcher(t *testing.T, a *authz.Authorizer, ws []int64, members [][]int64, more ...int64) {
	t.Helper()
	questions := [][2]string{}
	for _, line := range strings.Split(policies.Policy, "\n") {
		f := strings.Split(line, ",")
		if len(f) == 4 && strings.TrimSpace(f[0]) == "p" {
			questions = append(questions, [2]string{strings.TrimSpace(f[2]), strings.TrimSpace(f[3])})
		}
	}
	questions = append(questions, [2]string{"nothing", "read"})
	people := append([]int64{}, more...)
	for _, m := range members {
		people = append(people, m...)
	}
	domains := []string{"*"}
	for _, w := range ws {
		domains = append(domains, authz.Domain(w))
	}
	for _, u := range people {
		for _, d := range domains {
			for _, q := range questions {
				if got, want := a.ByRoles(authz.Subject(u), d, q[0], q[1]), a.Decide(authz.Subject(u), d, q[0], q[1]); got != want {
					t.Errorf("user %d in %s, %s %s: %v, the matcher says %v", u, d, q[0], q[1], got, want)
				}
			}
		}
	}
}

func exec(t *testing.T, db *bun.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.NewRaw(query, args...).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkDecision measures uncached decisions at 342 workspaces × 30
// members, as Schakel makes them ("two steps") and through the model's
// matcher over all rules ("matcher"), and reports their p50 and p99.
func BenchmarkDecision(b *testing.B) {
	db := testkit.NewDB(b, "sqlite")
	ws, members, _ := population(b, db, 342, 30)
	objs := []struct{ obj, act string }{{authz.ObjPlan, authz.ActRead}, {authz.ObjAction, authz.ActEdit}, {authz.ObjMembers, authz.ActManage}, {authz.ObjCasus, authz.ActRead}, {authz.ObjMeeting, authz.ActManage}}
	for _, way := range []string{"two steps", "matcher"} {
		b.Run(way, func(b *testing.B) {
			a, err := authz.New(db)
			if err != nil {
				b.Fatal(err)
			}
			durations := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				w := i % len(ws)
				u := members[(w*7+i)%len(ws)][i%30] // members of any workspace, so that many answers are no
				q := objs[i%len(objs)]
				start := time.Now()
				if way == "matcher" {
					a.Decide(authz.Subject(u), authz.Domain(ws[w]), q.obj, q.act)
				} else {
					a.ByRoles(authz.Subject(u), authz.Domain(ws[w]), q.obj, q.act)
				}
				durations = append(durations, time.Since(start))
			}
			b.StopTimer()
			reportPercentiles(b, durations)
		})
	}
}

// BenchmarkSyncUser measures applying one membership change to the
// enforcer, with everyone else's decisions cached, and reports p50 and p99.
func BenchmarkSyncUser(b *testing.B) {
	db := testkit.NewDB(b, "sqlite")
	ws, members, _ := population(b, db, 342, 30)
	a, err := authz.New(db)
	if err != nil {
		b.Fatal(err)
	}
	for w := range ws {
		for _, u := range members[w] {
			a.CanUser(u, ws[w], authz.ObjPlan, authz.ActRead)
		}
	}
	u := members[0][1]
	ctx := context.Background()
	roles := []model.Role{model.RoleCoordinator, model.RoleEditor}
	apply := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if _, err := db.NewUpdate().Model((*model.Membership)(nil)).Set("role = ?", roles[i%2]).
			Where("user_id = ? AND workspace_id = ?", u, ws[0]).Exec(ctx); err != nil {
			b.Fatal(err)
		}
		want, err := authz.UserRules(ctx, db, u)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if changed, err := a.Apply(want, []string{authz.Subject(u)}); err != nil || !changed {
			b.Fatal("no change applied", err)
		}
		apply = append(apply, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, apply)
	if !a.Cached(authz.Subject(members[5][3]), authz.Domain(ws[5]), authz.ObjPlan, authz.ActRead) {
		b.Error("someone else's cached decision was dropped")
	}
}

func reportPercentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	b.ReportMetric(float64(d[len(d)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds()), "p99-ns")
}

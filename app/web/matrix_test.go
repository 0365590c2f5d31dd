package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/testkit"
	"schakel/app/web"
)

// The people of the authorization matrix, in the order of its columns.
// "member-reviewer" is the platform's reviewer made a coordinator of the
// workspace by a membership written straight into the database: a
// membership never gives a platform account more than its platform role.
var matrixPeople = []string{"anonymous", "coordinator", "editor", "contributor", "viewer", "reviewer", "admin", "member-reviewer", "guest"}

// matrixGuest is the account the matrix invites as a guest to the first
// meeting of the own workspace: a member with the guest role and an
// attendee of that one meeting.
const matrixGuest = "gast@matrix.example"

var matrixEmails = map[string]string{
	"coordinator": coordinator, "editor": editor, "contributor": contributor, "viewer": viewer,
	"reviewer": reviewer, "admin": admin, "member-reviewer": reviewer, "guest": matrixGuest,
}

// probe is how the matrix asks a route: the form it posts (input the
// service refuses wherever the route takes input, so that reaching the
// route changes nothing), and whether it must run after the others of its
// run because it changes or ends something.
type probe struct {
	// valid is input the route would take; mixed and foreign ids are asked
	// with it, so that a route that forgot its workspace would change a
	// foreign object and the test would see it.
	valid url.Values
	// refused is what the person's own workspace is asked with, where the
	// route takes input: input the service refuses, so that reaching the
	// route changes nothing. Routes without input are asked with valid.
	refused url.Values
	// last routes run after the others of a run: they change or end
	// something that other routes read.
	last bool
}

// matrixRow says what each person gets from one route, in the columns of
// matrixPeople: with ids of their own workspace (own), of a workspace
// none of the members is in (foreign), and with their own workspace's id
// but an object of the foreign one (mixed; "" for routes without object
// ids). Public routes without a workspace give the same in every column
// group, and say it once, in own.
type matrixRow struct {
	own, foreign, mixed string
	probe
}

func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// matrix is every route of Schakel with the status each person gets.
// A route missing here fails TestAuthorizationMatrix.
var matrix = map[string]matrixRow{
	"GET /":                             {own: "200 303 303 303 303 303 303 303 303"},
	"GET /admin":                        {own: "303 403 403 403 403 403 303 403 403"},
	"GET /admin/accounts":               {own: "303 403 403 403 403 403 200 403 403"},
	"GET /admin/organisations":          {own: "303 403 403 403 403 403 200 403 403"},
	"GET /admin/workspaces":             {own: "303 403 403 403 403 403 200 403 403"},
	"GET /admin/workspaces/new":         {own: "303 403 403 403 403 403 200 403 403"},
	"GET /invitations/:token":           {own: "404 404 404 404 404 404 404 404 404"},
	"GET /calendar":                     {own: "303 200 200 200 200 200 200 200 200"},
	"GET /calendar/:token.ics":          {own: "404 404 404 404 404 404 404 404 404"},
	"GET /healthz":                      {own: "200 200 200 200 200 200 200 200 200"},
	"GET /login":                        {own: "200 303 303 303 303 303 303 303 303"},
	"GET /readyz":                       {own: "200 200 200 200 200 200 200 200 200"},
	"GET /toegankelijkheid":             {own: "200 200 200 200 200 200 200 200 200"},
	"GET /privacy":                      {own: "200 200 200 200 200 200 200 200 200"},
	"GET /admin/audit":                  {own: "303 403 403 403 403 403 200 403 403"},
	"GET /admin/audit.csv":              {own: "303 403 403 403 403 403 200 403 403"},
	"GET /workspaces/:wid/audit":        {own: "303 200 403 403 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404"},
	"GET /workspaces/:wid/audit.csv":    {own: "303 200 403 403 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404"},
	"GET /workspaces":                   {own: "303 200 200 200 200 200 200 200 200"},
	"GET /programme":                    {own: "303 200 200 200 200 200 200 200 403"},
	"GET /programme.csv":                {own: "303 200 200 200 200 200 200 200 403"},
	"GET /programme/report":             {own: "303 403 403 403 403 200 200 200 403"},
	"GET /workspaces/:wid":              {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"GET /workspaces/:wid/actions/:aid": {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/actions/:aid/fields/:field":       {own: "303 303 303 303 303 303 303 303 404", foreign: "303 404 404 404 404 303 303 303 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/actions/:aid/fields/:field/edit":  {own: "303 200 200 200 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404", mixed: "303 404 404 404 403 403 403 403 404"},
	"GET /workspaces/:wid/actions/:aid/item":                {own: "303 303 303 303 303 303 303 303 404", foreign: "303 404 404 404 404 303 303 303 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/items/:iid/case":                  {own: "303 200 200 200 404 404 404 404 404", foreign: "303 404 404 404 404 404 404 404 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/items/:iid/fields/:field":         {own: "303 303 303 303 303 303 303 303 303", foreign: "303 404 404 404 404 303 303 303 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/items/:iid/fields/:field/edit":    {own: "303 200 200 200 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404", mixed: "303 404 404 404 403 403 403 403 404"},
	"GET /workspaces/:wid/meetings":                         {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"GET /workspaces/:wid/meetings/:mid":                    {own: "303 200 200 200 200 200 200 200 200", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/meetings/:mid/export/:doc":        {own: "303 200 200 200 200 200 200 200 200", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/meetings/:mid/export/:doc.md":     {own: "303 200 200 200 200 200 200 200 200", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/meetings/:mid/fields/:field":      {own: "303 303 303 303 303 303 303 303 303", foreign: "303 404 404 404 404 303 303 303 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/meetings/:mid/fields/:field/edit": {own: "303 200 200 403 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404", mixed: "303 404 404 403 403 403 403 403 404"},
	"GET /workspaces/:wid/meetings/:mid/invite.ics":         {own: "303 200 200 200 200 200 200 200 200", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/members":                          {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"GET /workspaces/:wid/plans":                            {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"GET /workspaces/:wid/plans/:pid":                       {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/plans/:pid/fields/:field/edit":    {own: "303 200 200 403 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404", mixed: "303 404 404 403 403 403 403 403 404"},
	"GET /workspaces/:wid/plans/:pid/coverage":              {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},

	// The children's-rights guide: read by everyone signed in, edited by
	// reviewers and administrators only.
	"GET /guide":                                  {own: "303 200 200 200 200 200 200 200 200"},
	"GET /guide/:article":                         {own: "303 200 200 200 200 200 200 200 200"},
	"GET /guide/:article/history":                 {own: "303 403 403 403 403 200 200 200 403"},
	"GET /guide/:article/:lang/edit":              {own: "303 403 403 403 403 200 200 200 403"},
	"POST /guide/:article/:lang":                  {own: "401 403 403 403 403 422 422 422 403", probe: probe{refused: form("version", "1", "title", ""), valid: form("version", "1", "title", "Matrix")}},
	"GET /workspaces/:wid/plans/:pid/actions.csv": {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/plans/:pid/progress":    {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/progress":               {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"GET /workspaces/:wid/toets":                  {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"GET /workspaces/:wid/toets/:tid":             {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},
	"GET /workspaces/:wid/toets/:tid/compare":     {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404", mixed: "303 404 404 404 404 404 404 404 404"},

	"POST /admin/accounts":              {own: "401 403 403 403 403 403 422 403 403", probe: probe{refused: form("email", "not-an-address"), valid: form("name", "Nieuw Account", "email", "nieuw@matrix.example", "password", "lang-genoeg-wachtwoord-1", "platform_role", "none")}},
	"POST /admin/accounts/:uid/disable": {own: "401 403 403 403 403 403 303 403 403", probe: probe{last: true}},
	"POST /admin/accounts/:uid/enable":  {own: "401 403 403 403 403 403 303 403 403", probe: probe{last: true}},
	"POST /admin/organisations":         {own: "401 403 403 403 403 403 422 403 403", probe: probe{refused: form("name", ""), valid: form("name", "Matrix", "kind", "gemeente")}},
	"POST /admin/workspaces":            {own: "401 403 403 403 403 403 422 403 403", probe: probe{refused: form("name", ""), valid: form("name", "Matrix", "kind", "gemeente")}},
	"POST /invitations/:token":          {own: "404 303 303 303 303 303 303 303 303", probe: probe{valid: form("name", "Matrix", "password", "een zin van twaalf")}},
	"POST /invitations/:token/accept":   {own: "401 404 404 404 404 404 404 404 404"},

	"POST /admin/organisations/:oid/region": {own: "401 403 403 403 403 403 422 403 403", probe: probe{refused: form("region", strings.Repeat("r", 201)), valid: form("region", "Matrix")}},
	"POST /admin/workspaces/:wid/region":    {own: "401 403 403 403 403 403 422 403 403", foreign: "401 403 403 403 403 403 303 403 403", probe: probe{refused: form("region", strings.Repeat("r", 201)), valid: form("region", "Matrix")}},
	"POST /calendar":                        {own: "401 200 200 200 200 200 200 200 200"},
	"POST /calendar/revoke":                 {own: "401 303 303 303 303 303 303 303 303", probe: probe{last: true}},
	"POST /language":                        {own: "303 303 303 303 303 303 303 303 303", probe: probe{valid: form("lang", "nl", "back", "/workspaces")}},
	"POST /login":                           {own: "401 401 401 401 401 401 401 401 401", probe: probe{valid: form("email", "nobody@matrix.example", "password", "wrong-password-here")}},
	"POST /logout":                          {own: "401 303 303 303 303 303 303 303 303", probe: probe{last: true}},
	"POST /programme/years":                 {own: "401 403 403 403 403 422 422 422 403", probe: probe{refused: form("year", "2030", "municipalities", "0"), valid: form("year", "2030", "municipalities", "5")}},

	"POST /workspaces/:wid/actions/:aid/delete":                 {own: "401 303 303 303 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/actions/:aid/fields/:field":          {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("value", "", "version", "1"), valid: form("value", "Matrix", "version", "1")}},
	"POST /workspaces/:wid/actions/:aid/history/:cid/restore":   {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/actions/:aid/move":                   {own: "401 400 400 400 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("direction", "sideways"), valid: form("direction", "down")}},
	"POST /workspaces/:wid/actions/:aid/restore":                {own: "401 303 303 303 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/items/:iid/delete":                   {own: "401 303 303 303 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/items/:iid/fields/:field":            {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("value", "", "version", "1"), valid: form("value", "Matrix", "version", "1")}},
	"POST /workspaces/:wid/items/:iid/move":                     {own: "401 400 400 400 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("direction", "sideways"), valid: form("direction", "down")}},
	"POST /workspaces/:wid/items/:iid/outcomes":                 {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("kind", "decision", "text", ""), valid: form("kind", "decision", "text", "Matrix")}},
	"POST /workspaces/:wid/items/:iid/restore":                  {own: "401 303 303 303 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/meetings":                            {own: "401 422 422 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", probe: probe{refused: form("title", ""), valid: form("title", "Matrix", "kind", "overleg", "date", "2027-03-01", "start_time", "10:00", "duration", "60")}},
	"POST /workspaces/:wid/meetings/:mid/attendees":             {own: "401 422 422 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 403 403 403 403 403 404", probe: probe{refused: form("guest", "1", "guest_name", ""), valid: form("guest", "1", "guest_name", "Matrix", "guest_organisation", "Matrix")}},
	"POST /workspaces/:wid/meetings/:mid/attendees/:aid/answer": {own: "401 422 422 403 403 403 403 403 403", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 404 404 404 404 404", probe: probe{refused: form("rsvp", "perhaps"), valid: form("rsvp", "yes")}},
	"POST /workspaces/:wid/meetings/:mid/attendees/:aid/delete": {own: "401 303 303 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 403 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/meetings/:mid/current":               {own: "401 303 303 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 403 403 403 403 403 404", probe: probe{refused: form("item", "not-an-item"), valid: form("item", ":iid")}},
	"POST /workspaces/:wid/meetings/:mid/fields/:field":         {own: "401 422 422 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 403 403 403 403 403 404", probe: probe{refused: form("value", "", "version", "1"), valid: form("value", "Matrix", "version", "1")}},
	"POST /workspaces/:wid/meetings/:mid/items":                 {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("title", ""), valid: form("title", "Matrix", "duration", "10", "kind", "discussion")}},
	"POST /workspaces/:wid/meetings/:mid/outcomes/:oid/delete":  {own: "401 303 303 303 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/meetings/:mid/template":              {own: "401 422 403 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 403 403 403 403 403 403 404", probe: probe{refused: form("name", ""), valid: form("name", "Matrix")}},
	"POST /workspaces/:wid/members":                             {own: "401 422 403 403 403 403 422 403 404", foreign: "401 404 404 404 404 403 303 403 404", probe: probe{refused: form("email", "not-an-address", "role", "viewer"), valid: form("email", editor, "role", "viewer")}},
	"POST /workspaces/:wid/members/:mid/delete":                 {own: "401 303 403 403 403 403 303 403 404", foreign: "401 404 404 404 404 403 422 403 404", mixed: "401 404 403 403 403 403 404 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/members/:mid/role":                   {own: "401 422 403 403 403 403 422 403 404", foreign: "401 404 404 404 404 403 422 403 404", mixed: "401 404 403 403 403 403 404 403 404", probe: probe{refused: form("role", "owner"), valid: form("role", "viewer")}},
	"POST /workspaces/:wid/invitations":                         {own: "401 422 403 403 403 403 422 403 404", foreign: "401 404 404 404 404 403 303 403 404", probe: probe{refused: form("email", "not-an-address", "role", "viewer"), valid: form("email", "matrix@nieuw.example", "role", "viewer", "language", "nl")}},
	"POST /workspaces/:wid/invitations/:iid/resend":             {own: "401 303 403 403 403 403 303 403 404", foreign: "401 404 404 404 404 403 303 403 404", mixed: "401 404 403 403 403 403 404 403 404"},
	"POST /workspaces/:wid/invitations/:iid/revoke":             {own: "401 303 403 403 403 403 303 403 404", foreign: "401 404 404 404 404 403 303 403 404", mixed: "401 404 403 403 403 403 404 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/meetings/:mid/invitations":           {own: "401 422 403 403 403 403 422 403 404", foreign: "401 404 404 404 404 403 303 403 404", mixed: "401 404 403 403 403 403 404 403 404", probe: probe{refused: form("email", "not-an-address"), valid: form("email", "matrix-gast@nieuw.example", "language", "nl")}},
	"POST /workspaces/:wid/plans":                               {own: "401 422 422 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", probe: probe{refused: form("title", ""), valid: form("title", "Matrix", "period_start", "2027-01-01", "period_end", "2027-12-31")}},
	"POST /workspaces/:wid/plans/:pid/actions":                  {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("title", ""), valid: form("title", "Matrix", "theme", "preventie")}},
	"POST /workspaces/:wid/toets":                               {own: "401 422 403 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", probe: probe{refused: form("framework", "onbekend"), valid: form("title", "Matrix", "framework", "pijlers")}},
	"POST /workspaces/:wid/toets/:tid/answers":                  {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("question", "preventie.reach", "score", "9", "version", "1"), valid: form("question", "preventie.reach", "score", "3", "version", "1")}},
	"POST /workspaces/:wid/toets/:tid/complete":                 {own: "401 303 403 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 403 403 403 403 403 403 404", probe: probe{last: true}},
	"POST /workspaces/:wid/plans/:pid/fields/:field":            {own: "401 422 422 403 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 403 403 403 403 403 404", probe: probe{refused: form("value", "", "version", "1"), valid: form("value", "Matrix", "version", "1")}},
	"POST /workspaces/:wid/plans/:pid/import":                   {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("file", "")}},
	"POST /workspaces/:wid/plans/:pid/import/apply":             {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{refused: form("data", "")}},

	"GET /account":                            {own: "303 200 200 200 200 200 200 200 200"},
	"GET /account/two-factor":                 {own: "303 200 200 200 200 200 200 200 200"},
	"GET /admin/outbox":                       {own: "303 403 403 403 403 403 200 403 403"},
	"GET /admin/outbox/:id":                   {own: "303 403 403 403 403 403 404 403 403"},
	"GET /login/two-factor":                   {own: "303 303 303 303 303 303 303 303 303"},
	"GET /login/two-factor/setup":             {own: "303 303 303 303 303 303 303 303 303"},
	"GET /password/forgot":                    {own: "200 200 200 200 200 200 200 200 200"},
	"GET /password/reset":                     {own: "410 410 410 410 410 410 410 410 410"},
	"POST /account/data":                      {own: "401 200 200 200 200 200 200 200 200"},
	"POST /account/delete":                    {own: "401 422 422 422 422 422 422 422 422", probe: probe{refused: form("password", "")}},
	"POST /account/password":                  {own: "401 422 422 422 422 422 422 422 422", probe: probe{refused: form("current_password", "", "new_password", "")}},
	"POST /account/profile":                   {own: "401 422 422 422 422 422 422 422 422", probe: probe{refused: form("name", "")}},
	"POST /account/sessions/:sid/revoke":      {own: "401 404 404 404 404 404 404 404 404", probe: probe{last: true}},
	"POST /account/two-factor":                {own: "401 422 422 422 422 422 422 422 422", probe: probe{refused: form("code", "")}},
	"POST /account/two-factor/off":            {own: "401 403 403 403 403 409 403 409 409"},
	"POST /account/two-factor/recovery-codes": {own: "401 409 409 409 409 409 409 409 409"},
	"POST /admin/outbox/:id/retry":            {own: "401 403 403 403 403 403 404 403 403"},
	"POST /login/two-factor":                  {own: "303 303 303 303 303 303 303 303 303"},
	"POST /login/two-factor/later":            {own: "303 303 303 303 303 303 303 303 303"},
	"POST /login/two-factor/setup":            {own: "303 303 303 303 303 303 303 303 303"},
	"POST /password/forgot":                   {own: "422 422 422 422 422 422 422 422 422", probe: probe{refused: form("email", "")}},
	"POST /password/reset":                    {own: "410 410 410 410 410 410 410 410 410"},

	// Comments and advice, plan reviews and signals.
	"POST /workspaces/:wid/comments":                  {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", probe: probe{refused: form("subject", "plan", "subject_id", ":pid", "kind", "opmerking", "body", ""), valid: form("subject", "plan", "subject_id", ":pid", "kind", "opmerking", "body", "Matrix")}},
	"POST /workspaces/:wid/comments/:comment":         {own: "401 403 403 403 403 422 403 422 404", foreign: "401 404 404 404 404 303 403 303 404", mixed: "401 404 404 404 404 404 404 404 404", probe: probe{refused: form("body", "", "version", "1"), valid: form("body", "Matrix", "version", "1")}},
	"POST /workspaces/:wid/comments/:comment/replies": {own: "401 422 422 422 403 422 403 422 404", foreign: "401 404 404 404 404 303 403 303 404", mixed: "401 404 404 404 403 404 403 404 404", probe: probe{refused: form("body", ""), valid: form("body", "Matrix")}},
	"POST /workspaces/:wid/comments/:comment/delete":  {own: "401 403 403 403 403 303 403 303 404", foreign: "401 404 404 404 404 303 403 303 404", mixed: "401 404 404 404 404 404 404 404 404", probe: probe{last: true}},
	"POST /workspaces/:wid/comments/:comment/close":   {own: "401 303 403 403 403 303 403 303 404", foreign: "401 404 404 404 404 303 403 303 404", mixed: "401 404 403 403 403 404 403 404 404", probe: probe{last: true}},
	"GET /workspaces/:wid/advice":                     {own: "303 200 200 200 200 200 200 200 404", foreign: "303 404 404 404 404 200 200 200 404"},
	"POST /workspaces/:wid/plans/:pid/reviews":        {own: "401 403 403 403 403 422 403 422 404", foreign: "401 404 404 404 404 303 403 303 404", mixed: "401 403 403 403 403 404 403 404 404", probe: probe{refused: form("reviewed_on", "", "summary", "Matrix"), valid: form("reviewed_on", "2026-11-30", "summary", "Matrix")}},
	"GET /signals":                                   {own: "303 200 200 200 200 200 200 200 200"},
	"GET /workspaces/:wid/signals/new":               {own: "303 404 404 404 403 403 403 403 404", foreign: "303 404 404 404 404 403 403 403 404"},
	"POST /workspaces/:wid/signals":                  {own: "401 422 422 422 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", probe: probe{refused: form("source", "action", "source_id", ":aid", "bottleneck", "", "theme", "preventie", "description", ""), valid: form("source", "action", "source_id", ":aid", "bottleneck", "regelgeving", "theme", "preventie", "description", "Matrix")}},
	"POST /workspaces/:wid/signals/:signal/withdraw": {own: "401 303 303 303 403 403 403 403 404", foreign: "401 404 404 404 404 403 403 403 404", mixed: "401 404 404 404 403 403 403 403 404", probe: probe{last: true}},
}

// matrixIDs are the ids a run fills into a route's parameters.
type matrixIDs map[string]string

func matrixFixture(t *testing.T, db *bun.DB, ws int64) matrixIDs {
	t.Helper()
	ctx := context.Background()
	first := func(table, where string, args ...any) string {
		var id int64
		q := db.NewSelect().Table(table).ColumnExpr("MIN(id)").Where("workspace_id = ?", ws)
		if where != "" {
			q = q.Where(where, args...)
		}
		if err := q.Scan(ctx, &id); err != nil || id == 0 {
			t.Fatalf("no %s in workspace %d (%s): %v", table, ws, where, err)
		}
		return strconv.FormatInt(id, 10)
	}
	ids := matrixIDs{
		":wid": strconv.FormatInt(ws, 10),
		":pid": first("plans", ""),
		":aid": first("actions", "deleted_at IS NULL"),
		":mid": first("meetings", ""),
		":iid": first("agenda_items", "deleted_at IS NULL"),
		":oid": first("outcomes", ""),
		// a membership that is not one of the matrix's people
		":member":   first("memberships", "user_id NOT IN (SELECT id FROM users WHERE email IN (?))", bun.In([]string{coordinator, editor, contributor, viewer})),
		":attendee": first("attendees", ""),
		":tid":      matrixAssessment(t, db, ws),
	}
	ids[":uid"] = strconv.FormatInt(userByEmail(t, db, "karin.hoekstra@ggd-kustland.example").ID, 10)
	ids[":organisation"] = strconv.FormatInt(userByEmail(t, db, "karin.hoekstra@ggd-kustland.example").OrganisationID, 10)
	// An open invitation: the demo has one in Havenstad; another workspace
	// gets one here.
	if n, err := db.NewSelect().Table("invitations").Where("workspace_id = ?", ws).Count(ctx); err != nil || n == 0 {
		now := time.Now().UTC()
		if _, err := db.NewInsert().Model(&model.Invitation{
			WorkspaceID: ws, Email: "matrix@matrix.example", Role: model.RoleViewer, Locale: "nl",
			TokenHash: "matrix-" + strconv.FormatInt(ws, 10), Sends: 1, CreatedAt: now, SentAt: now, ExpiresAt: now.Add(time.Hour),
		}).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ids[":invitation"] = first("invitations", "")
	// An action's change to restore: the action gets one if it has none.
	var cid int64
	_ = db.NewSelect().Table("changes").ColumnExpr("MIN(id)").
		Where("workspace_id = ? AND entity = ? AND entity_id = ?", ws, model.EntityAction, ids[":aid"]).Scan(ctx, &cid)
	ids[":cid"] = strconv.FormatInt(cid, 10)
	ids[":comment"], ids[":signal"] = matrixDiscussion(t, db, ws, ids)
	return ids
}

// matrixDiscussion gives the workspace an open advice of the reviewer on
// its plan and a signal on its action, if the demo gave it none, and
// returns their ids.
func matrixDiscussion(t *testing.T, db *bun.DB, ws int64, ids matrixIDs) (string, string) {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	plan, _ := strconv.ParseInt(ids[":pid"], 10, 64)
	action, _ := strconv.ParseInt(ids[":aid"], 10, 64)
	var advice, signal int64
	_ = db.NewSelect().Table("comments").ColumnExpr("MIN(id)").
		Where("workspace_id = ? AND kind = ? AND state = ? AND parent_id IS NULL", ws, model.CommentAdvice, model.AdviceOpen).Scan(ctx, &advice)
	if advice == 0 {
		c := &model.Comment{WorkspaceID: ws, Subject: model.SubjectPlan, SubjectID: plan, Kind: model.CommentAdvice, State: model.AdviceOpen,
			Body: "Matrix", AuthorID: userByEmail(t, db, reviewer).ID, Version: 1, CreatedAt: now, UpdatedAt: now}
		if _, err := db.NewInsert().Model(c).Returning("id").Exec(ctx); err != nil {
			t.Fatal(err)
		}
		advice = c.ID
	}
	_ = db.NewSelect().Table("signals").ColumnExpr("MIN(id)").Where("workspace_id = ? AND deleted_at IS NULL", ws).Scan(ctx, &signal)
	if signal == 0 {
		s := &model.Signal{WorkspaceID: ws, Source: model.SignalFromAction, SourceID: action, Bottleneck: model.BottleneckRules,
			Theme: model.ThemePrevention, Description: "Matrix", CreatedBy: userByEmail(t, db, coordinator).ID, CreatedAt: now}
		if _, err := db.NewInsert().Model(s).Returning("id").Exec(ctx); err != nil {
			t.Fatal(err)
		}
		signal = s.ID
	}
	return strconv.FormatInt(advice, 10), strconv.FormatInt(signal, 10)
}

// fill puts ids into a route's path; the route's meaning decides which id
// a parameter name stands for.
func (ids matrixIDs) fill(path string) string {
	p := path
	switch {
	case strings.Contains(p, "/members/:mid"):
		p = strings.Replace(p, ":mid", ids[":member"], 1)
	case strings.Contains(p, "/attendees/:aid"):
		p = strings.Replace(p, ":aid", ids[":attendee"], 1)
	case strings.Contains(p, "/invitations/:iid"):
		p = strings.Replace(p, ":iid", ids[":invitation"], 1)
	case strings.Contains(p, "/organisations/:oid"):
		p = strings.Replace(p, ":oid", ids[":organisation"], 1)
	}
	p = strings.NewReplacer(":field", "title", ":doc", "agenda", ":token", "not-a-token", ":article", "ivrk-12", ":lang", "nl").Replace(p)
	for _, name := range []string{":wid", ":pid", ":aid", ":mid", ":iid", ":oid", ":cid", ":uid", ":comment", ":signal", ":tid"} {
		p = strings.Replace(p, name, ids[name], 1)
	}
	return p
}

// mixed gives the ids of own with the objects of foreign.
func mixed(own, foreign matrixIDs) matrixIDs {
	m := matrixIDs{}
	for k, v := range foreign {
		m[k] = v
	}
	m[":wid"] = own[":wid"]
	return m
}

// TestAuthorizationMatrix asks every route as every person, with ids of
// their own workspace, of a foreign one, and mixed, and wants the status
// the matrix gives. Each person gets a database of their own; within it the
// mixed and foreign questions come first (they must change nothing), then
// their own, routes that change or end something last.
func TestAuthorizationMatrix(t *testing.T) {
	var routes []string
	for route := range web.Routes {
		method, path, _ := strings.Cut(route, " ")
		// Static files and websockets are no pages to ask; the live
		// endpoints' access is tested with real websockets (live_test.go).
		if strings.HasPrefix(path, "/static/") || strings.HasSuffix(path, "/live") {
			continue
		}
		_ = method
		routes = append(routes, route)
	}
	// Signing out comes after everything else, since it ends the run's
	// session.
	rank := func(route string) int {
		switch {
		case route == "POST /logout":
			return 2
		case matrix[route].last:
			return 1
		}
		return 0
	}
	sort.SliceStable(routes, func(i, j int) bool {
		if a, b := rank(routes[i]), rank(routes[j]); a != b {
			return a < b
		}
		return routes[i] < routes[j]
	})
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			got := map[string]map[string][]string{} // route → variant → statuses in matrixPeople order
			for _, route := range routes {
				got[route] = map[string][]string{}
			}
			for _, who := range matrixPeople {
				db := testkit.NewDB(t, dialect)
				env := testkit.Start(t, db)
				own := matrixFixture(t, db, workspaceID(t, db, "Havenstad"))
				foreign := matrixFixture(t, db, workspaceID(t, db, "Bergvliet"))
				if who == "guest" {
					addMatrixGuest(t, env, own)
				}
				c := env.Client(t)
				if who == "anonymous" {
					c.Get("/login")
				} else {
					c.SignIn(matrixEmails[who])
				}
				if who == "member-reviewer" {
					u := userByEmail(t, db, reviewer)
					ws, _ := strconv.ParseInt(own[":wid"], 10, 64)
					if _, err := db.NewInsert().Model(&model.Membership{WorkspaceID: ws, UserID: u.ID, Role: model.RoleCoordinator, CreatedAt: u.CreatedAt}).Exec(context.Background()); err != nil {
						t.Fatal(err)
					}
					if err := env.Authz.Reload(); err != nil {
						t.Fatal(err)
					}
				}
				for _, variant := range []string{"mixed", "foreign", "own"} {
					ids := map[string]matrixIDs{"own": own, "foreign": foreign, "mixed": mixed(own, foreign)}[variant]
					for _, route := range routes {
						method, path, _ := strings.Cut(route, " ")
						if !appliesTo(path, variant) {
							continue
						}
						row := matrix[route]
						target := ids.fill(path)
						var r *testkit.Response
						if method == http.MethodGet {
							r = c.Get(target)
						} else {
							in := row.valid
							if variant == "own" && row.refused != nil {
								in = row.refused
							}
							f := url.Values{}
							for k, v := range in {
								f[k] = []string{ids.fill(v[0])}
							}
							r = c.Post(target, f)
							c.Get("/workspaces") // a fresh CSRF token after whatever the answer was
						}
						got[route][variant] = append(got[route][variant], strconv.Itoa(r.Status))
					}
				}
			}
			var missing strings.Builder
			for _, route := range routes {
				row, ok := matrix[route]
				g := got[route]
				line := fmt.Sprintf("%q: {own: %q, foreign: %q, mixed: %q},", route,
					strings.Join(g["own"], " "), strings.Join(g["foreign"], " "), strings.Join(g["mixed"], " "))
				if !ok {
					fmt.Fprintln(&missing, line)
					continue
				}
				for variant, want := range map[string]string{"own": row.own, "foreign": row.foreign, "mixed": row.mixed} {
					if have := strings.Join(g[variant], " "); have != want {
						t.Errorf("%s, %s ids:\n  people %v\n  got    %s\n  want   %s\n  (now: %s)", route, variant, matrixPeople, have, want, line)
					}
				}
			}
			for route := range matrix {
				if _, ok := web.Routes[route]; !ok {
					t.Errorf("the matrix has a row for %s, which is no route", route)
				}
			}
			if missing.Len() > 0 {
				t.Errorf("routes without a row in the authorization matrix (what they answer now):\n%s", missing.String())
			}
		})
	}
}

// addMatrixGuest gives the own workspace a guest of its first meeting.
func addMatrixGuest(t *testing.T, env *testkit.Env, own matrixIDs) {
	t.Helper()
	ctx := context.Background()
	u, err := env.Svc.CreateAccount(ctx, nil, service.AccountInput{
		Name: "Gast van het overleg", Email: matrixGuest, OrganisationID: organisationID(t, env.DB, "Gemeente Havenstad"), Password: demo.Password,
	})
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := strconv.ParseInt(own[":wid"], 10, 64)
	meeting, _ := strconv.ParseInt(own[":mid"], 10, 64)
	if _, err := env.DB.NewInsert().Model(&model.Membership{WorkspaceID: ws, UserID: u.ID, Role: model.RoleGuest, CreatedAt: u.CreatedAt}).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.NewInsert().Model(&model.Attendee{WorkspaceID: ws, MeetingID: meeting, UserID: &u.ID, CreatedAt: u.CreatedAt}).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if err := env.Authz.Reload(); err != nil {
		t.Fatal(err)
	}
}

// appliesTo says whether a route is asked with ids of the variant: foreign
// ids only where a workspace is named, mixed only where an object is too.
func appliesTo(path, variant string) bool {
	switch variant {
	case "foreign":
		return strings.Contains(path, ":wid")
	case "mixed":
		rest := strings.NewReplacer(":field", "", ":doc", "").Replace(strings.TrimPrefix(path, "/workspaces/:wid"))
		return strings.HasPrefix(path, "/workspaces/:wid") && strings.Contains(rest, ":")
	}
	return true
}

package web

import "github.com/gofiber/fiber/v2"

// The htmx request and response headers Schakel reads and sets.
const (
	HeaderHXRequest  = "HX-Request"
	HeaderHXBoosted  = "HX-Boosted"
	HeaderHXTarget   = "HX-Target"
	HeaderHXRetarget = "HX-Retarget"
	HeaderHXReswap   = "HX-Reswap"
	HeaderHXRedirect = "HX-Redirect"
	HeaderHXTrigger  = "HX-Trigger"
	// HeaderHXCurrentURL names the page an htmx request came from.
	HeaderHXCurrentURL = "HX-Current-URL"
)

// isHTMX reports whether the request came from htmx and wants a fragment,
// not a whole page (boosted navigation wants the whole page).
func isHTMX(c *fiber.Ctx) bool {
	return c.Get(HeaderHXRequest) == "true" && c.Get(HeaderHXBoosted) != "true"
}

// hxAnswer is what an htmx answer asks of the page besides its body: swap
// somewhere else than the request's target, swap another way, go to
// another page, or fire an event. Handlers fill it in; apply sets the
// headers, in one place.
type hxAnswer struct {
	// Retarget is the CSS selector of the element to swap instead.
	Retarget string
	// Reswap is the swap style instead of the request's (outerHTML,
	// beforeend, innerHTML, …).
	Reswap string
	// Redirect sends the browser to another page.
	Redirect string
	// Trigger names an event to fire on the page.
	Trigger string
}

// apply sets the headers the answer asks for.
func (a hxAnswer) apply(c *fiber.Ctx) {
	set := func(header, value string) {
		if value != "" {
			c.Set(header, value)
		}
	}
	set(HeaderHXRetarget, a.Retarget)
	set(HeaderHXReswap, a.Reswap)
	set(HeaderHXRedirect, a.Redirect)
	set(HeaderHXTrigger, a.Trigger)
}

// redirect sends the browser on with 303 See Other, so that a form POST
// becomes a GET; for htmx it asks htmx to do the same.
func redirect(c *fiber.Ctx, to string) error {
	if isHTMX(c) {
		hxAnswer{Redirect: to}.apply(c)
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.Redirect(to, fiber.StatusSeeOther)
}

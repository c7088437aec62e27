package web

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// The Atom feed of recent changes (RFC 4287): one entry per revision.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string     `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Link    atomLink   `xml:"link"`
	Author  atomPerson `xml:"author"`
	Summary string     `xml:"summary"`
}

const feedSize = 100

func (s *Server) changesFeed(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	changes, err := s.store.RecentChanges(ctx, feedSize)
	if err != nil {
		return err
	}
	base := s.baseURL(c)
	feed := atomFeed{
		Title: "Benchboard: recent changes", ID: base + "/changes",
		Links: []atomLink{{Href: base + "/changes.atom", Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/changes", Rel: "alternate", Type: "text/html"}},
		Author:  atomPerson{Name: "Benchboard"},
		Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
	}
	if len(changes) > 0 {
		feed.Updated = changes[0].CreatedAt.UTC().Format(time.RFC3339)
	}
	for _, ch := range changes {
		url := fmt.Sprintf("%s/results/%d", base, ch.ResultID)
		var parts []string
		for _, f := range snapshotDiff(ch.Before, ch.After) {
			parts = append(parts, f.Label+": "+f.From+" → "+f.To)
		}
		summary := strings.Join(parts, "; ")
		if ch.Reason != "" {
			summary = strings.TrimPrefix(summary+". Why: "+ch.Reason, ". ")
		}
		feed.Entries = append(feed.Entries, atomEntry{
			Title:   fmt.Sprintf("%s: %s on %s (%s)", ch.Action, ch.MethodName, ch.DatasetName, ch.MetricName),
			ID:      fmt.Sprintf("%s#revision-%d", url, ch.ID),
			Updated: ch.CreatedAt.UTC().Format(time.RFC3339),
			Link:    atomLink{Href: url},
			Author:  atomPerson{Name: orDefault(ch.Actor, "Benchboard")},
			Summary: summary,
		})
	}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return fmt.Errorf("atom feed: %w", err)
	}
	c.Set(fiber.HeaderContentType, "application/atom+xml; charset=utf-8")
	return c.Send(append([]byte(xml.Header), out...))
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

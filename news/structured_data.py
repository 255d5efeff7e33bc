"""schema.org data of articles and events, built in `get_context` where the request gives absolute URLs.

Dates are the page's own: an all-day event is a range of local dates (the day the page shows, not
the UTC date of its local midnight), a timed event a local time with the Paris offset.
"""

from django.utils import timezone

from core.structured_data import CONTEXT, postal_address, without_empty
from network.directory.models import ActorDirectoryPage

SHARE_RENDITION = "fill-1200x675|format-jpeg"
# From this many seats left down, the page says « Plus que 3 places » and the offer LimitedAvailability.
LAST_SEATS = 10

EVENT_STATUSES = {"annule": "EventCancelled", "reporte": "EventPostponed"}
ATTENDANCE_MODES = {
    "presentiel": "OfflineEventAttendanceMode",
    "en-ligne": "OnlineEventAttendanceMode",
    "hybride": "MixedEventAttendanceMode",
}


def schema(name):
    return f"https://schema.org/{name}"


def actor_directory_url(request, links):
    """The directory's absolute address when the page names actors; no query when it names none."""
    base = ActorDirectoryPage.url_for_request(request) if links else None
    return request.build_absolute_uri(base) if base else ""


def actor_url(link, actor_base_url):
    return f"{actor_base_url}{link.actor.slug}/" if actor_base_url else ""


def actor_organization(link, actor_base_url):
    """An actor of the directory: its page on this site, its own website as `sameAs`."""
    return without_empty(
        {
            "@type": "Organization",
            "name": link.actor.name,
            "url": actor_url(link, actor_base_url) or link.actor.website,
            "sameAs": link.actor.website,
        }
    )


def event_dates(event):
    """(startDate, endDate) as the page and the calendar file give them."""
    if event.all_day:
        return timezone.localdate(event.starts_at).isoformat(), event.last_day.isoformat()
    return timezone.localtime(event.starts_at).isoformat(), timezone.localtime(event.ends_at).isoformat()


def event_offer(event, registration_url, page_url, seats=None):
    """The Offer of an event that is paid or needs registration; a free one says price 0.

    `price` is free text for the editors (« 10 € », « 5 à 15 € », « Gratuit ») : the first number in
    it is the price, « gratuit » is 0, and otherwise the offer states no price rather than a wrong one.
    With registration on this site, `seats` (news.registrations.SeatCount) gives the availability
    and the offer is valid until the form closes.
    """
    offer = {
        "@type": "Offer",
        "url": registration_url or page_url,
        "priceCurrency": "EUR",
        "availability": schema(availability(event, seats)),
        "validFrom": timezone.localtime(event.first_published_at or event.publication_date).isoformat(),
    }
    price = first_number(event.price) if event.price else "0"
    if price is None and "gratuit" in event.price.lower():
        price = "0"
    if price is not None:
        offer["price"] = price
    if event.registration_closes_at or seats is not None:
        offer["validThrough"] = timezone.localtime(event.registration_closes).isoformat()
    return offer


def availability(event, seats):
    """InStock; LimitedAvailability for the last seats; SoldOut when full (or said « complet » by the editor).

    Full with a waiting list is BackOrder: schema.org's « the item is on back order », an order taken
    now and served when stock comes back, in the order received, which is what the list does. SoldOut
    would say nothing can be done; PreOrder and PreSale say the item is not released yet, which is
    not the case.
    """
    if event.status == "complet":
        return "SoldOut"
    if seats is None or seats.capacity is None:
        return "InStock"
    if seats.full:
        return "BackOrder" if event.waiting_list else "SoldOut"
    return "LimitedAvailability" if seats.left <= LAST_SEATS else "InStock"


def first_number(text):
    """« 12,50 € » → "12.50"; None without a number."""
    digits = ""
    for character in text.replace(",", "."):
        if character.isdigit() or (character == "." and digits and "." not in digits):
            digits += character
        elif digits:
            break
    return digits.rstrip(".") or None


def event_data(event, request, actor_base_url, site_organization, seats=None):
    start, end = event_dates(event)
    page_url = event.get_full_url(request)
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title,
        "startDate": start,
        "endDate": end,
        "eventStatus": schema(EVENT_STATUSES.get(event.status, "EventScheduled")),
        "eventAttendanceMode": schema(ATTENDANCE_MODES[event.event_format]),
        "url": page_url,
        "description": event.chapo,
    }
    locations = []
    if event.event_format != "en-ligne" and (event.venue_name or event.commune):
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.commune,
                "address": postal_address(event.address, event.postal_code, event.commune),
            }
        )
    if event.event_format != "presentiel" and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [
        actor_organization(link, actor_base_url)
        for link in event.published_actor_links
        if link.role == link.Role.ORGANISER
    ]
    if event.organisers:
        organisers.append({"@type": "Organization", "name": event.organisers})
    # Without a named organiser, the event is the resource centre's own.
    organisers = organisers or [site_organization]
    data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    registration = ""
    if event.registration_mode == "ailleurs":
        registration = event.registration_url or (
            event.registration_page.get_full_url(request) if event.registration_page else ""
        )
    if event.price or event.registration_mode != "aucune":
        data["offers"] = event_offer(event, registration, page_url, seats)
    if event.share_image:
        data["image"] = event.share_image.get_rendition(SHARE_RENDITION).full_url
    return without_empty(data)


def article_data(page, request, actor_base_url, site_organization):
    """NewsArticle: its authors are the named people, then the actors linked as authors (with their page)."""
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": timezone.localtime(page.publication_date).isoformat(),
        "dateModified": modified_on(page).isoformat(),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": site_organization,
    }
    authors = [{"@type": "Person", "name": name.strip()} for name in page.authors.split(",") if name.strip()]
    authors += [
        actor_organization(link, actor_base_url) for link in page.published_actor_links if link.role == link.Role.AUTHOR
    ]
    data["author"] = authors or [site_organization]
    if page.share_image:
        data["image"] = page.share_image.get_rendition(SHARE_RENDITION).full_url
    return data


def modified_on(page):
    """The editor's « mis à jour le » date, else the last publication, else the publication date."""
    if page.updated_on:
        return page.updated_on
    return timezone.localtime(page.last_published_at or page.publication_date)

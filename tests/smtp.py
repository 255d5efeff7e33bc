"""A real SMTP server on 127.0.0.1 (aiosmtpd in its own thread) for the tests where email matters.

Django talks to it over a real SMTP conversation, so a test sees what a mail server would receive:
the envelope (who the message is really delivered to) and the message as sent on the wire.

    def test_…(smtp_server, settings):
        use_smtp_server(settings, smtp_server)
        …
        (message,) = smtp_server.messages
        assert message.envelope_recipients == ["equipe@example.org"]
        assert message["Subject"] == "…"
        assert "…" in message.get_body(preferencelist=("plain",)).get_content()

`refuse_with(reply)` makes it answer every message with an SMTP error (e.g. "550 5.1.1 Boîte inconnue"),
and `stop()` takes it off the network, for the tests of a mail server that says no or is down.
"""

import time
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


class ReceivedEmail(EmailMessage):
    """A message as the server received it, with the envelope it came in."""

    envelope_from: str = ""
    envelope_recipients: list[str]
    received_at: float  # time.monotonic() when the server accepted it, to measure a send rate


class _Controller(Controller):
    """Listens on a port the system picks (port 0), then knows which one, with no race for a free port."""

    def _trigger_server(self):
        # Called once the socket is bound and before the first connection: learn the real port here.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SMTPServer:
    """Accepts every message (or refuses them all, when told) and keeps what it accepted in `messages`."""

    host = HOST

    def __init__(self, port=0):
        """On a port the system picks, or on `port`: a server started again where it was, after an outage."""
        self.messages: list[ReceivedEmail] = []
        self.refusal = None
        self._controller = _Controller(self, hostname=HOST, port=port)
        self._running = False

    @property
    def port(self):
        return self._controller.port

    def start(self):
        self._controller.start()
        self._running = True
        return self

    def stop(self):
        """Close the port: Django's next connection attempt is refused, as with a server that is down."""
        if self._running:
            self._controller.stop()
            self._running = False

    def refuse_with(self, reply):
        """Answer each message with `reply`, an SMTP error line such as "451 4.3.0 Réessayez plus tard"."""
        self.refusal = reply

    def recipients(self):
        """Every envelope recipient, in the order the messages arrived."""
        return [address for message in self.messages for address in message.envelope_recipients]

    async def handle_DATA(self, server, session, envelope):
        if self.refusal:
            return self.refusal
        # Lines end in CRLF on the wire; parsed with LF, bodies compare with Python strings as written.
        content = envelope.content.replace(b"\r\n", b"\n")
        message = BytesParser(_class=ReceivedEmail, policy=policy.default).parsebytes(content)
        message.envelope_from = envelope.mail_from
        message.envelope_recipients = list(envelope.rcpt_tos)
        message.received_at = time.monotonic()
        self.messages.append(message)
        return "250 Message accepted for delivery"


def use_smtp_server(settings, server):
    """Point Django's email at `server` (through pytest-django's `settings`, seen by the live server too)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5

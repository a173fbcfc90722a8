"""SMTP sink of the local topology: accepts every message and records one line per delivery (time, Message-Id and
recipients count) in the file given as second argument, never the message itself. Load runs count deliveries and
duplicates from that file. Usage: python3 puits-smtp.py PORT FILE (listens on 127.0.0.1 only)."""
import asyncore
import email.parser
import smtpd
import sys
import time


class Puits(smtpd.SMTPServer):
    def __init__(self, port, fichier):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.fichier = fichier

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        entetes = email.parser.BytesHeaderParser().parsebytes(data)
        with open(self.fichier, "a", encoding="utf-8") as f:
            f.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {entetes.get('Message-Id', '-')} {len(rcpttos)}\n")
        return None


if __name__ == "__main__":
    Puits(int(sys.argv[1]), sys.argv[2])
    asyncore.loop()

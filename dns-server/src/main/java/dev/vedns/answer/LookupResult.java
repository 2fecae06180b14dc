package dev.vedns.answer;

import java.util.List;
import org.xbill.DNS.Record;

/** The outcome of looking a question up in the zone: rcode and the answer, authority and additional sections. */
record LookupResult(int rcode, List<Record> answer, List<Record> authority, List<Record> additional) {
}

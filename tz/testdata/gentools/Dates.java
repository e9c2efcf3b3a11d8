// Dates prints one instant (Unix seconds, the first argument) as Java
// prints dates: Date.toString, the localized FULL and LONG forms in
// Japanese and English, and ZonedDateTime.toString, in Asia/Tokyo and UTC.
// gentools.sh runs it with "java Dates.java SECONDS" (JEP 330).
import java.text.DateFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

public class Dates {
    public static void main(String[] args) {
        long ms = Long.parseLong(args[0]) * 1000;
        Instant at = Instant.ofEpochMilli(ms);
        for (String zone : new String[] {"Asia/Tokyo", "UTC"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            ZoneId z = ZoneId.of(zone);
            print(zone, "Date.toString", new Date(ms).toString());
            for (Locale loc : new Locale[] {Locale.JAPAN, Locale.US}) {
                for (FormatStyle st : new FormatStyle[] {FormatStyle.FULL, FormatStyle.LONG}) {
                    print(zone, "DateTimeFormatter " + loc + " " + st,
                            DateTimeFormatter.ofLocalizedDateTime(st).withLocale(loc).withZone(z).format(at));
                }
                DateFormat df = DateFormat.getDateTimeInstance(DateFormat.FULL, DateFormat.FULL, loc);
                df.setTimeZone(TimeZone.getTimeZone(zone));
                print(zone, "DateFormat " + loc + " FULL", df.format(new Date(ms)));
            }
            print(zone, "ZonedDateTime.toString", ZonedDateTime.ofInstant(at, z).toString());
        }
    }

    static void print(String zone, String how, String text) {
        System.out.println(zone + "\t" + how + "\t" + text);
    }
}

// Eras prints one instant (Unix seconds, the first argument) in Asia/Tokyo
// with Japanese era years, as Java's JapaneseChronology formats it in the
// Japanese locale: the localized FULL, LONG and MEDIUM date-times (SHORT
// has no seconds) and a pattern with 年月日 and 時分秒. gentools.sh runs it
// with "java Eras.java SECONDS" (JEP 330).
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

public class Eras {
    public static void main(String[] args) {
        Instant at = Instant.ofEpochSecond(Long.parseLong(args[0]));
        ZoneId z = ZoneId.of("Asia/Tokyo");
        for (FormatStyle st : new FormatStyle[] {FormatStyle.FULL, FormatStyle.LONG, FormatStyle.MEDIUM}) {
            print("DateTimeFormatter ja_JP JapaneseChronology " + st,
                    DateTimeFormatter.ofLocalizedDateTime(st).withChronology(JapaneseChronology.INSTANCE)
                            .withLocale(Locale.JAPAN).withZone(z).format(at));
        }
        print("DateTimeFormatter.ofPattern(\"GGGGy年M月d日 H時m分s秒\") JapaneseChronology",
                DateTimeFormatter.ofPattern("GGGGy年M月d日 H時m分s秒", Locale.JAPAN)
                        .withChronology(JapaneseChronology.INSTANCE).withZone(z).format(at));
    }

    static void print(String how, String text) {
        System.out.println(how + "\t" + text);
    }
}

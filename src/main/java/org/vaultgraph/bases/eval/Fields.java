package org.vaultgraph.bases.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vaultgraph.bases.value.BaseValue;

/**
 * The fields of values (Functions page): a date's year to millisecond, a text's or a list's length,
 * an object's keys, and a file's properties ({@code file.name}, {@code file.tags}...). Any other field
 * is null.
 */
final class Fields {
    private static final Set<String> FILE_FIELDS = Set.of("name", "basename", "path", "folder", "ext", "size", "properties",
            "tags", "links", "embeds", "backlinks", "ctime", "mtime", "file");

    private Fields() {}

    static boolean isFileField(String name) {
        return FILE_FIELDS.contains(name);
    }

    static BaseValue member(BaseValue v, String name, Evaluator ev) {
        if (v instanceof BaseValue.ErrorValue e) throw new EvalException(e.message());
        if (v instanceof BaseValue.ObjectValue o) return o.get(name);
        if (v instanceof BaseValue.FileValue f) return file(f.path(), name, ev);
        if (name.equals("length")) {
            if (v instanceof BaseValue.StringValue s) return BaseValue.of(s.value().length());
            if (v instanceof BaseValue.ListValue l) return BaseValue.of(l.items().size());
        }
        if (v instanceof BaseValue.DateValue d) {
            switch (name) {
                case "year": return BaseValue.of(d.date().year());
                case "month": return BaseValue.of(d.date().month());
                case "day": return BaseValue.of(d.date().day());
                case "hour": return BaseValue.of(d.date().hour());
                case "minute": return BaseValue.of(d.date().minute());
                case "second": return BaseValue.of(d.date().second());
                case "millisecond": return BaseValue.of(d.date().millisecond());
                default: break;
            }
        }
        return BaseValue.NULL;
    }

    private static BaseValue file(String path, String name, Evaluator ev) {
        if (name.equals("file")) return new BaseValue.FileValue(path);
        if (name.equals("path")) return BaseValue.of(path);
        FileFacts f = ev.files().file(path);
        if (f == null) return BaseValue.NULL;
        switch (name) {
            case "name": return BaseValue.of(f.name());
            case "basename": return BaseValue.of(f.basename());
            case "folder": return BaseValue.of(f.folder());
            case "ext": return BaseValue.of(f.ext());
            case "size": return BaseValue.of(f.size());
            case "properties": return new BaseValue.ObjectValue(f.properties());
            case "tags": return texts(f.tags());
            case "links": return new BaseValue.ListValue(new ArrayList<>(f.links()));
            case "embeds": return new BaseValue.ListValue(new ArrayList<>(f.embeds()));
            case "backlinks": {
                List<BaseValue> out = new ArrayList<>();
                for (String p : ev.files().backlinks(path)) out.add(new BaseValue.FileValue(p));
                return new BaseValue.ListValue(out);
            }
            case "ctime": return f.ctime() == null ? BaseValue.NULL : new BaseValue.DateValue(f.ctime(), true);
            case "mtime": return f.mtime() == null ? BaseValue.NULL : new BaseValue.DateValue(f.mtime(), true);
            default: return BaseValue.NULL;
        }
    }

    private static BaseValue texts(List<String> texts) {
        List<BaseValue> out = new ArrayList<>();
        for (String t : texts) out.add(BaseValue.of(t));
        return new BaseValue.ListValue(out);
    }
}

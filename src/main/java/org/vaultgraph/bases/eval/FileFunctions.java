package org.vaultgraph.bases.eval;

import java.util.Locale;
import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;

/** The functions of files (Functions page, "File type"): asLink, hasLink, hasProperty, hasTag, inFolder. */
final class FileFunctions {
    private FileFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("asLink", call -> new BaseValue.LinkValue(path(call), true, "", call.count() > 0 ? call.arg(0) : null));
        into.put("hasLink", call -> {
            FileFacts file = facts(call);
            return BaseValue.of(file != null && links(file, call.arg(0), call.evaluator));
        });
        into.put("hasProperty", call -> {
            FileFacts file = facts(call);
            return BaseValue.of(file != null && file.property(call.text(0)) != null);
        });
        into.put("hasTag", call -> {
            FileFacts file = facts(call);
            if (file == null) return BaseValue.FALSE;
            for (int i = 0; i < call.count(); i++) if (file.hasTag(call.text(i))) return BaseValue.TRUE;
            return BaseValue.FALSE;
        });
        into.put("inFolder", call -> BaseValue.of(inFolder(path(call), call.text(0))));
    }

    private static String path(Call call) {
        return ((BaseValue.FileValue) call.target).path();
    }

    private static FileFacts facts(Call call) {
        return call.evaluator.files().file(path(call));
    }

    /** Whether the file is in the folder or one below it; "" and "/" are the vault's root. */
    static boolean inFolder(String path, String folder) {
        String f = folder.strip();
        while (f.startsWith("/")) f = f.substring(1);
        while (f.endsWith("/")) f = f.substring(0, f.length() - 1);
        return f.isEmpty() || path.startsWith(f + "/");
    }

    /** Whether {@code from} has a link or embed to what {@code other} names: a file, a link, or a link text. */
    static boolean links(FileFacts from, BaseValue other, Evaluator ev) {
        String target = target(other, ev);
        return target != null && from.linkTargets().contains(target);
    }

    /** What a value names as a link target: a vault path, or a link text in lower case when it names no file. */
    static String target(BaseValue other, Evaluator ev) {
        if (other instanceof BaseValue.FileValue f) return f.path();
        if (other instanceof BaseValue.LinkValue l) return l.resolved() ? l.target() : l.target().toLowerCase(Locale.ROOT);
        if (other instanceof BaseValue.StringValue s) {
            String text = GlobalFunctions.linkText(s.value());
            String resolved = ev.resolve(text);
            return resolved != null ? resolved : text.toLowerCase(Locale.ROOT);
        }
        if (other instanceof BaseValue.NullValue) return null;
        throw new EvalException("hasLink(): a file, a link or a path is expected, not " + BaseValues.typeName(other));
    }
}

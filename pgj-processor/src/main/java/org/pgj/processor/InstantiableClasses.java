package org.pgj.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Classes the runtime makes one object of per backend (hooks, wrappers): what such a class must be. */
final class InstantiableClasses {
    private InstantiableClasses() {
    }

    /** A public, concrete, top-level or static class with a public no-argument constructor, implementing {@code type}. */
    static boolean implementing(Element e, String type, Elements elements, Types types) {
        TypeElement wanted = elements.getTypeElement(type);
        boolean constructor = e.getEnclosedElements().stream().anyMatch(c -> c.getKind() == ElementKind.CONSTRUCTOR
                && c.getModifiers().contains(Modifier.PUBLIC) && ((ExecutableElement) c).getParameters().isEmpty());
        return e instanceof TypeElement t && t.getKind() == ElementKind.CLASS && t.getModifiers().contains(Modifier.PUBLIC)
                && !t.getModifiers().contains(Modifier.ABSTRACT) && constructor
                && (!t.getNestingKind().isNested() || t.getModifiers().contains(Modifier.STATIC))
                && wanted != null && types.isAssignable(t.asType(), types.erasure(wanted.asType()));
    }
}

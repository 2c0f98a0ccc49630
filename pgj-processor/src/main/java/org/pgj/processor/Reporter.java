package org.pgj.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Reports problems through the compiler and remembers whether any was an error, so that no
 * half-valid install script is ever written next to a failed compile.
 */
final class Reporter {
    private final Messager messager;
    private final Elements elements;
    private boolean errors;

    Reporter(Messager messager, Elements elements) {
        this.messager = messager;
        this.elements = elements;
    }

    /** An error on {@code element}, so the compiler points at the offending declaration. */
    void error(Element element, String message) {
        errors = true;
        if (element == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, current(element));
        }
    }

    void warning(Element element, String message) {
        if (element == null) {
            messager.printMessage(Diagnostic.Kind.WARNING, message);
        } else {
            messager.printMessage(Diagnostic.Kind.WARNING, message, current(element));
        }
    }

    /**
     * javac enters the sources again in every round, with new method symbols; a method kept from
     * an earlier round has lost its source position. Reporting on this round's twin keeps the
     * message pointing at the line. Classes and packages keep their symbols.
     */
    private Element current(Element element) {
        if (element.getKind() != ElementKind.METHOD
                || !(element.getEnclosingElement() instanceof TypeElement owner)) {
            return element;
        }
        TypeElement fresh = elements.getTypeElement(owner.getQualifiedName());
        if (fresh == null) {
            return element;
        }
        String signature = element.toString();
        return fresh.getEnclosedElements().stream()
                .<Element>map(e -> e)
                .filter(e -> e.getKind() == ElementKind.METHOD && e.toString().equals(signature))
                .findFirst()
                .orElse(element);
    }

    boolean hasErrors() {
        return errors;
    }
}

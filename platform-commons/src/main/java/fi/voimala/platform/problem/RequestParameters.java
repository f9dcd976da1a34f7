package fi.voimala.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Names a Bean Validation violation as the client sees the request: a body field by its JSON path
 * ({@code address.postalCode}, not {@code create.request.address.postalCode}), a query, path or header parameter by
 * its name in the request (not the Java parameter's), and a violation of the body itself as the body.
 */
final class RequestParameters {

    private RequestParameters() {
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder path = new StringBuilder();
        for (Path.Node n : nodes.stream()
                .dropWhile(n -> n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.PARAMETER).toList()) {
            // Hibernate Validator puts an element's index on the node after its container (items[1].name,
            // methods[1].<list element>): it belongs to the name before it.
            if (n.getIndex() != null && path.length() > 0) {
                path.append('[').append(n.getIndex()).append(']');
            }
            String name = n.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                path.append(path.length() > 0 ? "." : "").append(name);
            }
        }
        String field = path.toString();
        if (!field.isEmpty()) {
            return field;
        }
        Optional<Annotation[]> annotations = parameterAnnotations(violation);
        if (annotations.isPresent()) {
            for (Annotation annotation : annotations.get()) {
                String name = requestName(annotation);
                if (name != null) {
                    return name;
                }
            }
            if (isBody(annotations.get())) {
                return null;
            }
        }
        return nodes.isEmpty() ? null : nodes.get(nodes.size() - 1).getName();
    }

    /** The violation is about the request body as a whole (e.g. {@code @NotNull} on a missing body). */
    static boolean isBody(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        return !nodes.isEmpty() && nodes.get(nodes.size() - 1).getKind() == ElementKind.PARAMETER
                && parameterAnnotations(violation).map(RequestParameters::isBody).orElse(false);
    }

    /** JAX-RS reads a parameter with none of its parameter annotations from the body. */
    private static boolean isBody(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String type = annotation.annotationType().getName();
            if (type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.Rest")) {
                return false;
            }
        }
        return true;
    }

    /** {@code @QueryParam("size")} -> "size" (also path, header, cookie, form and RESTEasy's Rest* forms). */
    private static String requestName(Annotation annotation) {
        String type = annotation.annotationType().getName();
        if (!(type.startsWith("jakarta.ws.rs.") && type.endsWith("Param")) && !type.startsWith("org.jboss.resteasy.reactive.Rest")) {
            return null;
        }
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            return value instanceof String name && !name.isEmpty() ? name : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Optional<Annotation[]> parameterAnnotations(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER && parameter == null) {
                parameter = node.as(Path.ParameterNode.class);
            }
        }
        if (method == null || parameter == null || violation.getRootBeanClass() == null) {
            return Optional.empty();
        }
        // Quarkus may subclass the resource (interceptors): gather the parameter's annotations along the hierarchy.
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        List<Annotation> annotations = new ArrayList<>();
        boolean found = false;
        for (Class<?> type = violation.getRootBeanClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method declared = type.getDeclaredMethod(method.getName(), types);
                annotations.addAll(List.of(declared.getParameterAnnotations()[parameter.getParameterIndex()]));
                found = true;
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        if (found) {
            return Optional.of(annotations.toArray(Annotation[]::new));
        }
        return Optional.empty();
    }
}

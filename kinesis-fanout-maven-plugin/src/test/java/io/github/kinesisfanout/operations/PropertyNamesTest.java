package io.github.kinesisfanout.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The catalogue against the plugin descriptor the build generated from the {@code @Parameter}
 * annotations: each name in it is a goal's property, and a property means the same parameter
 * (name and type) in every goal that takes it.
 */
class PropertyNamesTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** Property to the "parameter: type" it sets, per goal. */
    private static Map<String, Set<String>> propertiesOfTheGoals() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), "run after process-classes: " + DESCRIPTOR.toAbsolutePath());
        NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile())
                .getElementsByTagName("mojo");
        Map<String, Set<String>> properties = new TreeMap<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element configuration = (Element) ((Element) mojos.item(i)).getElementsByTagName("configuration").item(0);
            for (Node child = configuration.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element parameter && parameter.getTextContent().startsWith("${fanout.")) {
                    String property = parameter.getTextContent().replaceAll("^\\$\\{|}$", "");
                    properties.computeIfAbsent(property, p -> new TreeSet<>())
                            .add(parameter.getTagName() + ": " + parameter.getAttribute("implementation"));
                }
            }
        }
        return properties;
    }

    private static List<String> catalogue() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : PropertyNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    @Test
    void everyNameIsAGoalsPropertyOrAPrefix() throws Exception {
        Map<String, Set<String>> properties = propertiesOfTheGoals();
        assertTrue(properties.size() > 50, properties.keySet().toString());
        List<String> unknown = new ArrayList<>();
        for (String name : catalogue()) {
            if (!name.endsWith(".") && !properties.containsKey(name) && !name.equals(PropertyNames.OLD_OUTPUTS_FILE)) {
                unknown.add(name);
            }
        }
        // fanout.outputsFile is an alias read from the user properties, not a parameter's property.
        assertEquals(List.of(), unknown);
        assertEquals(Set.of("outputsSpec: java.lang.String"), properties.get(PropertyNames.OUTPUTS));
        assertEquals(Set.of("oldOutputsSpec: java.lang.String"), properties.get(PropertyNames.OLD_VERIFY_OUTPUTS));
    }

    @Test
    void aPropertyMeansOneParameterInEveryGoal() throws Exception {
        Map<String, Set<String>> disagreeing = new TreeMap<>();
        propertiesOfTheGoals().forEach((property, parameters) -> {
            if (parameters.size() > 1) {
                disagreeing.put(property, parameters);
            }
        });
        assertEquals(Map.of(), disagreeing);
    }
}

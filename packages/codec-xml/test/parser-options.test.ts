import { describe, expect, test } from 'vitest';
import { entityDecoder } from '../src/entities.ts';
import { parserOptions } from '../src/parser.ts';

// STYLE.md habit 4: fast-xml-parser's defaults drop attributes, guess numbers and
// booleans, trim text and expand DOCTYPE entities. Every option is pinned; a change
// here must be deliberate.
describe('fast-xml-parser options', () => {
  test('are pinned', () => {
    const {
      tagValueProcessor,
      attributeValueProcessor,
      isArray,
      updateTag,
      onDangerousProperty,
      entityDecoder: decoder,
      ...plain
    } = parserOptions;
    expect(plain).toEqual({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      attributesGroupName: false,
      allowBooleanAttributes: false,
      textNodeName: '#text',
      removeNSPrefix: false,
      parseTagValue: false,
      parseAttributeValue: false,
      numberParseOptions: { hex: false, leadingZeros: false, eNotation: false },
      trimValues: false,
      alwaysCreateTextNode: false,
      cdataPropName: false,
      commentPropName: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      processEntities: {
        enabled: true,
        maxEntitySize: 1,
        maxExpansionDepth: 1,
        maxTotalExpansions: 1,
        maxExpandedLength: 1,
        maxEntityCount: 1,
        allowedTags: null,
        tagFilter: null,
      },
      htmlEntities: false,
      stopNodes: [],
      unpairedTags: [],
      transformTagName: false,
      transformAttributeName: false,
      captureMetaData: false,
      maxNestedTags: 1024,
      strictReservedNames: true,
      jPath: false,
    });
    expect(decoder).toBe(entityDecoder);
    expect(tagValueProcessor?.('property', ' 42 ', '', false, true)).toBe(' 42 ');
    expect(attributeValueProcessor?.('revision', '2', '')).toBe('2');
    expect(isArray?.('link', '', false, false)).toBe(false);
    expect(updateTag?.('link', '', {})).toBe('link');
    expect(onDangerousProperty?.('toString')).toBe('toString');
    expect(Object.isFrozen(parserOptions)).toBe(true);
  });

  test('the entity decoder knows the five XML entities and character references only', () => {
    expect(entityDecoder.decode('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1f600;')).toBe(
      '<>&"\'AB😀',
    );
    expect(() => entityDecoder.decode('&nbsp;')).toThrow(/unknown entity/);
    expect(() => entityDecoder.decode('&#0;')).toThrow(/not an XML character/);
    expect(() => entityDecoder.decode('a & b')).toThrow(/must start a reference/);
    expect(() => entityDecoder.addInputEntities({ lol: 'lol' })).toThrow(/not allowed/);
  });
});

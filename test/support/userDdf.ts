/** Small DDF files of a vendor's tree (`./Vendor/Contoso/Agent/…`), for the tests of `syncml.ddfFiles`. */

/** An OMA DDF 1.2 file describing `./Vendor/Contoso/Agent` and its leaves `names` (int, Get/Replace). */
export function contosoDdf(...names: string[]): string {
  const leaves = names
    .map(
      (name) => `    <Node>
      <NodeName>${name}</NodeName>
      <DFProperties>
        <AccessType><Get/><Replace/></AccessType>
        <DFFormat><int/></DFFormat>
        <Occurrence><One/></Occurrence>
        <Scope><Dynamic/></Scope>
        <Description>Contoso agent ${name}.</Description>
        <DFType><MIME>text/plain</MIME></DFType>
      </DFProperties>
    </Node>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<MgmtTree>
  <VerDTD>1.2</VerDTD>
  <Node>
    <NodeName>Agent</NodeName>
    <Path>./Vendor/Contoso</Path>
    <DFProperties>
      <AccessType><Get/></AccessType>
      <DFFormat><node/></DFFormat>
      <Occurrence><One/></Occurrence>
      <Scope><Permanent/></Scope>
      <DFType><DDFName/></DFType>
    </DFProperties>
${leaves}
  </Node>
</MgmtTree>
`;
}

/** A DDF file that is not well-formed: the `</Node>` at line 7, column 3 comes while `<DFProperties>` is open. */
export const BROKEN_DDF = `<?xml version="1.0" encoding="UTF-8"?>
<MgmtTree>
  <Node>
    <NodeName>Fabrikam</NodeName>
    <DFProperties>
      <AccessType><Get/></AccessType>
  </Node>
</MgmtTree>
`;

/** The node the Contoso DDF describes, as a document addresses it. */
export const CONTOSO_MODE = './Vendor/Contoso/Agent/Mode';
